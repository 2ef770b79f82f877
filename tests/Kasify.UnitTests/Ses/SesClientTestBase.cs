namespace Kasify.UnitTests.Ses;

/// <summary>Gives every test a fresh <see cref="SesTestHost"/>: its own fake, clock and client.</summary>
public abstract class SesClientTestBase
{
    internal SesTestHost Host { get; private set; } = null!;

    [SetUp]
    public void StartFake() => Host = new SesTestHost();

    [TearDown]
    public void StopFake() => Host.Dispose();
}
