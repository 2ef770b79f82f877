using System.Globalization;
using System.Text;
using System.Text.Json;
using Kasify.Simulation.Invariants;

namespace Kasify.Simulation;

/// <summary>What a run found: figures, invariants, and how to print them (table, or one JSON line).</summary>
public sealed class SimulationResult
{
    public required SimulationOptions Options { get; init; }
    public int Stays { get; init; }
    public int Codes { get; init; }
    public int Tasks { get; init; }
    public int Reports { get; init; }
    public int LateReports { get; init; }
    public int HostConfirmedResends { get; init; }
    public double WorstReportDelayMinutes { get; init; }
    public int JobsRun { get; init; }
    public int RestartsDone { get; init; }
    public double WorstProvisioningMinutes { get; init; }
    public double WorstOutOfWindowMinutes { get; init; }
    public int CalendarLoad { get; init; }
    public double? CalendarLoadDrainedMinutes { get; init; }
    public double? WorstProvisioningUnderLoadMinutes { get; init; }
    public int CodesDueUnderLoad { get; init; }
    public int FailedJobs { get; init; }
    public required IReadOnlyList<Invariant> Invariants { get; init; }
    public IReadOnlyList<string> WorkerErrors { get; init; } = [];
    public double ElapsedSeconds { get; init; }

    public bool Passed => Invariants.All(i => i.Violations == 0);

    public string Table()
    {
        var text = new StringBuilder();
        var o = Options;
        text.AppendLine(CultureInfo.InvariantCulture, $"Kasify simulation  seed {o.Seed}  properties {o.Properties}  days {o.Days}  chaos {o.Chaos}  restarts {RestartsDone}/{o.Restarts}  workers {o.Workers}");
        text.AppendLine(CultureInfo.InvariantCulture, $"stays {Stays}  codes {Codes}  cleaning tasks {Tasks}  SES partes accepted {Reports} (late {LateReports}, host-confirmed resends {HostConfirmedResends})  jobs run {JobsRun}");
        text.AppendLine(CultureInfo.InvariantCulture, $"worst provisioning delay {WorstProvisioningMinutes:F0} min  worst out-of-window {WorstOutOfWindowMinutes:F0} min  worst report delay {WorstReportDelayMinutes:F0} min  elapsed {ElapsedSeconds:F0} s");
        text.AppendLine(CultureInfo.InvariantCulture, $"failed jobs (Hangfire would show Failed) {FailedJobs}");
        if (CalendarLoad > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"calendar load {CalendarLoad}: drained in {(CalendarLoadDrainedMinutes is { } d ? $"{d:F0} min" : "not by the end")}, worst provisioning delay of the {CodesDueUnderLoad} codes due in the 3 h after it {WorstProvisioningUnderLoadMinutes:F0} min");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"invariant",-62} {"checked",8} {"violations",10}");
        foreach (var i in Invariants)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{i.Name,-62} {i.Checked,8} {i.Violations,10}{(i.Note is null ? "" : "  (" + i.Note + ")")}");
            foreach (var example in i.Examples) text.AppendLine("    " + example);
        }
        if (WorkerErrors.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"worker errors: {WorkerErrors.Count}");
            foreach (var e in WorkerErrors.Distinct().Take(5)) text.AppendLine("    " + e);
        }
        text.AppendLine(Passed ? "PASSED" : "FAILED");
        return text.ToString();
    }

    public string Json() => JsonSerializer.Serialize(new
    {
        seed = Options.Seed,
        properties = Options.Properties,
        days = Options.Days,
        stays = Stays,
        codes = Codes,
        tasks = Tasks,
        reports = Reports,
        late_reports = LateReports,
        host_confirmed_resends = HostConfirmedResends,
        worst_report_delay_minutes = Math.Round(WorstReportDelayMinutes, 1),
        worst_provisioning_minutes = Math.Round(WorstProvisioningMinutes, 1),
        worst_out_of_window_minutes = Math.Round(WorstOutOfWindowMinutes, 1),
        jobs_run = JobsRun,
        failed_jobs = FailedJobs,
        calendar_load = CalendarLoad,
        calendar_load_drained_minutes = CalendarLoadDrainedMinutes is { } d ? Math.Round(d, 1) : (double?)null,
        worst_provisioning_under_load_minutes = WorstProvisioningUnderLoadMinutes is { } w ? Math.Round(w, 1) : (double?)null,
        invariants = Invariants.Select(i => new { name = i.Name, @checked = i.Checked, violations = i.Violations, examples = i.Examples, note = i.Note }),
        elapsed_seconds = Math.Round(ElapsedSeconds, 1),
    });
}
