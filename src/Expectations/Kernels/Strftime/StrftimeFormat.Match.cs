namespace Dq.Expectations.Kernels.Strftime;

/// <summary>The backtracking matcher: Python's regex search order, node by node.</summary>
internal sealed partial class StrftimeFormat
{
    private const int MaxFractionDigits = 6;

    /// <summary>
    /// Matches nodes from <paramref name="nodeIndex"/> on and reports where the first successful path ends. Like
    /// Python's <c>re.match</c>, the first path through every node wins even when it leaves input unconsumed; the
    /// caller then rejects leftovers instead of looking for a longer path.
    /// </summary>
    /// <remarks>
    /// Nodes that can match only one way are handled in the loop; the method recurses only at nodes with several
    /// alternatives, so the depth stays bounded by the number of distinct directives.
    /// </remarks>
    private bool TryMatchFrom(int nodeIndex, int position, ReadOnlySpan<byte> value, ref StrftimeCaptures captured,
        out int end)
    {
        StrftimeNode[] nodes = _nodes;
        end = 0;
        for (; nodeIndex < nodes.Length; nodeIndex++)
        {
            ref readonly StrftimeNode node = ref nodes[nodeIndex];
            int length;
            switch (node.Kind)
            {
                case StrftimeNodeKind.Literal:
                    length = StrftimeText.MatchCharIgnoreCase(value, position, node.Literal, out _);
                    break;
                case StrftimeNodeKind.Name:
                    length = MatchName(value, position, node, ref captured);
                    break;
                case StrftimeNodeKind.Number when node.Alternatives!.Length == 1:
                    length = MatchDigits(value, position, node.Alternatives[0], out captured[(int)node.Field]);
                    break;
                case StrftimeNodeKind.Whitespace when !NextMayStartWithSpace(nodeIndex):
                    // Only %d can begin with a space, so elsewhere giving back whitespace can never help.
                    length = WhitespaceRunLength(value, position);
                    break;
                default:
                    return TryMatchChoices(nodeIndex, position, value, ref captured, out end);
            }

            if (length == 0)
            {
                return false;
            }

            position += length;
        }

        end = position;
        return true;
    }

    private bool TryMatchChoices(int nodeIndex, int position, ReadOnlySpan<byte> value, ref StrftimeCaptures captured,
        out int end)
    {
        ref readonly StrftimeNode node = ref _nodes[nodeIndex];
        int next = nodeIndex + 1;
        end = 0;
        switch (node.Kind)
        {
            case StrftimeNodeKind.Number:
                foreach (DigitClass[] alternative in node.Alternatives!)
                {
                    int length = MatchDigits(value, position, alternative, out captured[(int)node.Field]);
                    if (length > 0 && TryMatchFrom(next, position + length, value, ref captured, out end))
                    {
                        return true;
                    }
                }

                return false;
            case StrftimeNodeKind.Fraction:
                int digits = 0;
                while (digits < MaxFractionDigits && position + digits < value.Length
                    && (uint)(value[position + digits] - '0') <= 9)
                {
                    digits++;
                }

                for (; digits > 0; digits--)
                {
                    if (TryMatchFrom(next, position + digits, value, ref captured, out end))
                    {
                        return true;
                    }
                }

                return false;
            case StrftimeNodeKind.Whitespace:
                // Greedy \s+: the longest run first, then one character less at a time.
                int stop = position + WhitespaceRunLength(value, position);
                for (; stop > position; stop = PreviousCharStart(value, stop))
                {
                    if (TryMatchFrom(next, stop, value, ref captured, out end))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return TryMatchUtcOffset(next, position, value, ref captured, out end);
        }
    }

    private bool NextMayStartWithSpace(int nodeIndex) =>
        nodeIndex + 1 < _nodes.Length && _nodes[nodeIndex + 1].Field == StrftimeField.Day;

    /// <summary>Matches one digit alternative; returns the bytes consumed (0 = no match) and the number read.</summary>
    private static int MatchDigits(ReadOnlySpan<byte> value, int position, DigitClass[] classes, out int number)
    {
        number = 0;
        int start = position;
        foreach (DigitClass digitClass in classes)
        {
            if (digitClass.IsUnicodeDigit)
            {
                int length = StrftimeText.MatchDigit(value, position, out int digit);
                if (length == 0)
                {
                    return 0;
                }

                number = (number * 10) + digit;
                position += length;
                continue;
            }

            if (position >= value.Length || value[position] < digitClass.Low || value[position] > digitClass.High)
            {
                return 0;
            }

            // A leading space (" 5" for %d) counts for nothing, as int(" 5") == 5 in Python.
            if (value[position] != ' ')
            {
                number = (number * 10) + (value[position] - '0');
            }

            position++;
        }

        return position - start;
    }

    private static int MatchName(ReadOnlySpan<byte> value, int position, in StrftimeNode node, ref StrftimeCaptures captured)
    {
        NameTable table = node.Names!;
        for (int n = 0; n < table.Names.Length; n++)
        {
            int offset = position;
            bool lookAlike = false;
            foreach (byte letter in table.Names[n])
            {
                int length = StrftimeText.MatchCharIgnoreCase(value, offset, letter, out bool nonAscii);
                if (length == 0)
                {
                    offset = -1;
                    break;
                }

                lookAlike |= nonAscii;
                offset += length;
            }

            if (offset >= 0)
            {
                captured[(int)node.Field] = lookAlike ? StrftimeCaptures.NameLookupFailed : table.Values[n];
                return offset - position;
            }
        }

        return 0;
    }

    private static int WhitespaceRunLength(ReadOnlySpan<byte> value, int position)
    {
        int start = position;
        for (int length; (length = StrftimeText.MatchWhitespace(value, position)) > 0;)
        {
            position += length;
        }

        return position - start;
    }

    private static int PreviousCharStart(ReadOnlySpan<byte> value, int position)
    {
        do
        {
            position--;
        }
        while ((value[position] & 0xC0) == 0x80);
        return position;
    }
}
