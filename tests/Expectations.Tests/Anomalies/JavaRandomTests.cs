namespace Dq.Expectations.Tests.Anomalies;

public sealed class JavaRandomTests
{
    [Fact]
    public void Seed42_GivesJavasPublishedFirstValues()
    {
        // new java.util.Random(42): nextDouble() = 0.7275636800328681, then 0.6832234717598454 (widely quoted outputs).
        var random = new JavaRandom(42);
        Assert.Equal(0.7275636800328681, random.NextDouble());
        Assert.Equal(0.6832234717598454, random.NextDouble());
    }

    [Fact]
    public void Seed42_FirstGaussianIsJavasPublishedValue()
    {
        // new java.util.Random(42).nextGaussian() = 1.1419053154730547.
        Assert.Equal(1.1419053154730547, new JavaRandom(42).NextGaussian(), 1e-15);
    }
}
