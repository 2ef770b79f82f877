using Kasify.Simulation;

namespace Kasify.FunctionalTests.Simulation;

/// <summary>
/// The automation simulation (build/Kasify.Simulation) at a small size: real composition, fakes failing on command,
/// restarts and duplicate workers, SES outages and guest check-ins. Asserts the invariants this branch guarantees (5: each
/// completed check-in reported to the fake SES once, in time); 3 and 4 wait for the calendar-sync fix (an emptied feed
/// never cancels its last stay), 6 is only partly checked (see docs/automation.md).
/// </summary>
[NonParallelizable]
public sealed class SimulationTests
{
    [Test]
    public async Task A_small_chaotic_run_keeps_codes_on_the_locks_right_reports_each_checkin_to_SES_once_and_keeps_the_outbox_healthy()
    {
        var options = new SimulationOptions { Properties = 10, Days = 7, Seed = 7, Chaos = 0.3, Restarts = 2, Workers = 2 };

        var result = await new Kasify.Simulation.Simulation(options, TestContext.Progress).RunAsync();
        await TestContext.Out.WriteLineAsync(result.Table());

        result.RestartsDone.Should().Be(2);
        result.Stays.Should().BePositive();
        result.Codes.Should().BePositive("stays were due during the run");
        result.Reports.Should().BePositive("guests completed check-ins on properties with an establishment code");
        foreach (var number in new[] { "1.", "2.", "5.", "7." })
        {
            var invariant = result.Invariants.Single(i => i.Name.StartsWith(number, StringComparison.Ordinal));
            invariant.Checked.Should().BePositive($"invariant {invariant.Name} must look at something");
            invariant.Violations.Should().Be(0, $"invariant {invariant.Name} was broken: {string.Join(" | ", invariant.Examples)}");
        }
    }
}
