using System.Diagnostics;
using Kasify.Infrastructure.Jobs;
using Kasify.Simulation.Chaos;
using Kasify.Simulation.Hosting;
using Kasify.Simulation.Invariants;
using Kasify.Simulation.World;
using Microsoft.Extensions.Time.Testing;

namespace Kasify.Simulation;

/// <summary>
/// One run: builds the world from the seed, then moves the fake clock in 5-minute steps, letting the world act (feeds,
/// hosts), the chaos plan break vendors and restart the host, and the jobs run as Hangfire would; the invariants are
/// checked on the fakes after each step and on the database at the end, after 12 calm hours to settle.
/// </summary>
public sealed class Simulation(SimulationOptions options, TextWriter progress)
{
    public static readonly DateTime Start = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Settle = TimeSpan.FromHours(12);

    public async Task<SimulationResult> RunAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        var world = WorldPlan.Generate(options.Properties, options.Days, random, Start);
        var sesRandom = new Random(unchecked(options.Seed * 7919 + 5)); // SES draws apart: a seed's older world and plan are unchanged
        GuestCheckins.Plan(world, sesRandom);
        var steps = options.Days * 24 * 12;
        var chaos = ChaosPlan.Generate(world, options.Days, options.Chaos, options.Restarts, steps, random, sesRandom, Start);
        var clock = new FakeTimeProvider(new DateTimeOffset(Start.AddHours(-1)));
        var database = Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"kasify-sim-{options.Seed}-{Guid.NewGuid():N}.db");

        using var vendors = new Vendors();
        var crash = new CrashSwitch();
        vendors.Nuki.Faults.AfterHandled = r => { if (r.Method != "GET") crash.VendorRequestHandled($"nuki {r.Method} {r.Path}"); };
        vendors.Unifi.Faults.AfterHandled = r => { if (r.Method != "GET") crash.VendorRequestHandled($"unifi {r.Method} {r.Path}"); };
        var publisher = new FeedPublisher(vendors.Feeds, clock);
        var driver = new ChaosDriver(chaos, vendors, publisher, world);
        var observer = new CodeObserver(world, chaos, vendors);
        var bookings = new BookingMap(world);
        var ses = new SesObserver(world, chaos, vendors.Ses);
        var pump = new JobPump(clock, options.Workers);
        var restarts = 0;
        var events = new Queue<WorldEvent>(world.Events);
        var errors = new List<string>();
        var pumpTime = TimeSpan.Zero;
        var worldTime = TimeSpan.Zero;
        var observeTime = TimeSpan.Zero;
        int? armedAt = null;

        var host = await SimulationHost.StartAsync(database, clock, vendors.Settings);
        try
        {
            await WorldSetup.CreateAsync(host, world, vendors, ct);
            var load = options.CalendarLoad > 0 && CalendarLoad.Moment(world, Start, Start.AddDays(options.Days), CodeObserver.Lead) is { } loadAt
                ? new CalendarLoad(options.CalendarLoad, loadAt) : null;
            if (load is not null)
            {
                await load.SetupAsync(host, vendors.Feeds, ct);
                progress.WriteLine($"calendar load: {load.Calendars} calendars due at {load.At:u}");
            }
            var previous = clock.GetUtcNow().UtcDateTime;
            var end = Start.AddDays(options.Days);
            for (var i = 0; i <= steps + Settle / Step; i++)
            {
                var target = Start + Step * i;
                var now = clock.GetUtcNow().UtcDateTime;
                if (target > now) clock.Advance(target - now);
                now = clock.GetUtcNow().UtcDateTime;
                driver.Calm = now >= end;

                var w0 = watch.Elapsed;
                driver.Apply(previous, now);
                while (events.Count > 0 && events.Peek().At <= now && now < end)
                    await ApplyAsync(host, events.Dequeue(), errors, ct);
                foreach (var property in world.Properties) publisher.Publish(property, driver.IsFaulted);
                if (now < end) await GuestCheckins.RunAsync(host, world, now, errors, ct);
                if (load is not null) await load.StepAsync(host, now, ct);

                var t0 = watch.Elapsed;
                worldTime += t0 - w0;
                if (chaos.RestartSteps.Contains(i))
                {
                    crash.Arm(); // the next vendor change, in this step or a later one, stops the host mid-job
                    armedAt = i;
                }
                try
                {
                    await pump.RunStepAsync(host, previous, target + Step, crash.Token);
                }
                catch (OperationCanceledException) when (crash.Crashed)
                {
                }
                if (armedAt is { } armed && (crash.Crashed || i - armed >= 24 * 12))
                {
                    if (!crash.Crashed) crash.CrashNow(); // a quiet day: stop between jobs
                    progress.WriteLine($"{now:u} restart {++restarts} ({crash.CrashedOn})");
                    await host.DisposeAsync();
                    crash.Reset();
                    armedAt = null;
                    host = await SimulationHost.StartAsync(database, clock, vendors.Settings);
                    observer.Restarted(now);
                }
                pumpTime += watch.Elapsed - t0;
                var o0 = watch.Elapsed;
                driver.AfterJobs();
                vendors.Nuki.CompletePendingAuths(); // Nuki applies accepted changes within seconds
                ses.Observe(now);
                if (i % 6 == 0)
                {
                    await bookings.RefreshAsync(host, now);
                    await ses.ActAsHostAsync(host, now, errors, ct);
                }
                observer.Observe(now);
                observeTime += watch.Elapsed - o0;
                if (i % (24 * 12) == 0)
                {
                    progress.WriteLine($"{now:u} day {i / 288}: {pump.JobsRun} jobs, {observer.Provisioned.Violations + observer.OutOfWindow.Violations} code violations, {watch.Elapsed.TotalSeconds:F0} s ({pumpTime.TotalSeconds:F0} s in jobs)");
                    if (Environment.GetEnvironmentVariable("KASIFY_SIM_DEBUG") is not null)
                        progress.WriteLine($"  by kind: {string.Join(", ", pump.RunByKind.OrderByDescending(k => k.Value).Select(k => $"{k.Key}={k.Value}"))}; distinct rows {pump.DistinctIds.Count}; " +
                            $"time: world {worldTime.TotalSeconds:F0} s, observe {observeTime.TotalSeconds:F0} s, jobs {string.Join(", ", pump.TimeByKind.OrderByDescending(k => k.Value).Take(8).Select(k => $"{k.Key}={k.Value.TotalSeconds:F1}"))}");
                }
                previous = now;
            }

            var finalNow = clock.GetUtcNow().UtcDateTime;
            await bookings.RefreshAsync(host, finalNow);
            await bookings.CheckEndAsync(host, finalNow);
            var (cleaning, tasks) = await CleaningCheck.RunAsync(host, world, Start);
            var outbox = await OutboxHealthCheck.RunAsync(host, finalNow, Step + OutboxSweep.Grace);
            await ses.CheckEndAsync(host, finalNow, ct);
            await FailureVisibilityCheck.RunAsync(host, ses.Visible, observer.LateCodes, ses.LateReportBookings, pump.FailedJobs, ct);
            return new SimulationResult
            {
                Options = options,
                Stays = world.Stays.Count(s => s.IsGuestStay && s.Published),
                Codes = observer.CodesSeen,
                Tasks = tasks,
                Reports = ses.AcceptedAltas,
                LateReports = ses.LateReports,
                HostConfirmedResends = ses.Confirmations,
                WorstReportDelayMinutes = ses.WorstReportDelayMinutes,
                JobsRun = pump.JobsRun,
                RestartsDone = restarts,
                WorstProvisioningMinutes = observer.WorstProvisioningMinutes,
                WorstOutOfWindowMinutes = observer.WorstOutOfWindowMinutes,
                CalendarLoad = load?.Calendars ?? 0,
                CalendarLoadDrainedMinutes = load?.DrainedAt is { } drained ? (drained - load.At).TotalMinutes : null,
                WorstProvisioningUnderLoadMinutes = load is null ? null
                    : observer.Provisioning.Where(p => p.Due >= load.At && p.Due <= load.At.AddHours(3)).Select(p => p.Delay.TotalMinutes).DefaultIfEmpty(0).Max(),
                CodesDueUnderLoad = load is null ? 0 : observer.Provisioning.Count(p => p.Due >= load.At && p.Due <= load.At.AddHours(3)),
                FailedJobs = pump.FailedJobs.Count,
                Invariants =
                [
                    observer.Provisioned, observer.OutOfWindow, cleaning, bookings.Feeds,
                    ses.Reported,
                    ses.Visible,
                    outbox,
                ],
                WorkerErrors = pump.WorkerErrors.Concat(errors).ToList(),
                ElapsedSeconds = watch.Elapsed.TotalSeconds,
            };
        }
        finally
        {
            await host.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }

    private static async Task ApplyAsync(SimulationHost host, WorldEvent e, List<string> errors, CancellationToken ct)
    {
        var stay = e.Stay;
        stay.ChangedAt = e.At;
        stay.Property.Version++;
        try
        {
            switch (e.Kind)
            {
                case WorldEventKind.Publish:
                    stay.Published = true;
                    stay.Live = true;
                    if (stay.Source == StaySource.Manual) await HostActions.CreateAsync(host, stay, ct);
                    break;
                case WorldEventKind.Move:
                    stay.To = e.NewTo;
                    stay.EverMoved = true;
                    if (stay.Source == StaySource.Manual) await HostActions.MoveAsync(host, stay, ct);
                    break;
                case WorldEventKind.Cancel:
                    stay.Live = false;
                    stay.EverCancelled = true;
                    if (stay.Source == StaySource.Manual) await HostActions.SetStatusAsync(host, stay, "cancelled", ct);
                    break;
                case WorldEventKind.Restore:
                    stay.Live = true;
                    if (stay.Source == StaySource.Manual) await HostActions.SetStatusAsync(host, stay, "confirmed", ct);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            errors.Add($"host action {e.Kind} {stay.Key}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
