namespace Dq.Expectations.Catalog;

/// <summary>What a run knows besides its metrics, for expectations that compare with earlier runs.</summary>
/// <param name="Suite">The suite's name.</param>
/// <param name="DataAsset">The data asset's name (the source's).</param>
/// <param name="History">Earlier metric values, or null when the run has none.</param>
internal sealed record JudgeContext(string Suite, string DataAsset, IMetricHistory? History);
