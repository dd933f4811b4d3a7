#!/usr/bin/env python3
"""The seven seed checks of issue 8 in plain pandas, the way GX's pandas execution engine evaluates them: read the CSV
into a DataFrame, then one expression per check. The peer for the README's performance table.

Usage: /usr/bin/python3 benchmarks/pandas-seed.py benchmarks/data/orders-10m.csv [--vectorized-dates]
(Debian's python3-pandas). The date check calls datetime.strptime per value, as GX's pandas implementation of
expect_column_values_to_match_strftime_format does. --vectorized-dates uses pd.to_datetime(format=..., errors="coerce")
instead: much faster, but not the same check (on the orders data it accepts 2,108 values that strptime rejects)."""
import sys
from datetime import datetime

import pandas as pd

frame = pd.read_csv(sys.argv[1], dtype={"customer_id": "string", "status": "string", "order_date": "string"})
statuses = {"placed", "shipped", "delivered", "cancelled"}


def parses(value: str) -> bool:
    try:
        datetime.strptime(value, "%Y-%m-%d")
        return True
    except ValueError:
        return False


def strftime_mismatches(dates: pd.Series) -> int:
    present = dates.dropna()
    if "--vectorized-dates" in sys.argv:
        return int(pd.to_datetime(present, format="%Y-%m-%d", errors="coerce").isna().sum())
    return int((~present.map(parses)).sum())


counts = {
    "row_count": len(frame),
    "order_id_nulls": int(frame["order_id"].isna().sum()),
    "order_id_duplicated": int(frame["order_id"].duplicated(keep=False).sum()),
    "customer_id_nulls": int(frame["customer_id"].isna().sum()),
    "amount_outside": int((~frame["amount"].dropna().between(0, 1_000_000)).sum()),
    "status_outside": int((~frame["status"].dropna().isin(statuses)).sum()),
    "order_date_mismatch": strftime_mismatches(frame["order_date"]),
}
print("  ".join(f"{k}={v}" for k, v in counts.items()))
