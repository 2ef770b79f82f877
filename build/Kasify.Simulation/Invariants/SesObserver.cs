using System.Xml.Linq;
using Kasify.Application.Checkin;
using Kasify.Application.Common;
using Kasify.Application.Ses;
using Kasify.Domain.Bookings;
using Kasify.Simulation.Chaos;
using Kasify.Simulation.Hosting;
using Kasify.Simulation.World;
using Kasify.TestFakes.Ses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Simulation.Invariants;

/// <summary>
/// Watches the fake SES (stamping each alta it received with the simulated time), plays the host who confirms a resend
/// of an <c>uncertain</c> report after <see cref="HostReaction"/>, and at the end checks invariants 5 and 6 (reports)
/// on the fake's own records: every completed check-in of a property with an establishment code has one accepted
/// parte (not cancelled); the automation never adds a second one on its own (only a person's confirmation of an
/// uncertain report may); it went out within 24 h of arrival unless SES was down for nearly all of that time, and a
/// late one has its <c>ses.report_overdue</c> activity.
/// </summary>
public sealed class SesObserver(WorldPlan world, ChaosPlan chaos, FakeSes ses)
{
    public static readonly TimeSpan HostReaction = TimeSpan.FromHours(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromHours(24);
    private static readonly TimeSpan ReachableEnough = TimeSpan.FromHours(2);
    private readonly List<DateTime> _stamps = [];
    private readonly Dictionary<Guid, DateTime> _uncertainSince = [];
    private readonly Dictionary<Guid, List<DateTime>> _confirmations = [];

    public Invariant Reported { get; } = new("5. each check-in reported to SES once");
    public Invariant Visible { get; } = new("6. failures that hurt a guest visible (activity + failed job)");
    /// <summary>Bookings whose report went out after its deadline although the check-in was complete before it.</summary>
    public List<Guid> LateReportBookings { get; } = [];
    public int Confirmations => _confirmations.Values.Sum(c => c.Count);
    public int LateReports { get; private set; }
    public double WorstReportDelayMinutes { get; private set; }
    public int AcceptedAltas => ses.ReceivedReports.Count(r => r.Lote is not null);

    /// <summary>After each step: the altas received since the last step were received now (within the 5-minute step).</summary>
    public void Observe(DateTime now)
    {
        var count = ses.ReceivedReports.Count;
        while (_stamps.Count < count) _stamps.Add(now);
    }

    /// <summary>The host's side: an uncertain report is confirmed for resending once it has been uncertain a while.</summary>
    public async Task ActAsHostAsync(SimulationHost host, DateTime now, List<string> errors, CancellationToken ct)
    {
        var uncertain = await host.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.Ses.State == SesReportState.Uncertain)
            .Select(b => b.Id).ToListAsync(ct));
        foreach (var id in _uncertainSince.Keys.Except(uncertain).ToList()) _uncertainSince.Remove(id);
        foreach (var id in uncertain)
        {
            if (!_uncertainSince.TryGetValue(id, out var since)) { _uncertainSince[id] = now; continue; }
            if (now - since < HostReaction) continue;
            var stay = world.Stays.FirstOrDefault(s => s.BookingId == id);
            if (stay is null) continue;
            try
            {
                await host.AsAsync(stay.Property.Subject, async sp => await (await sp.AdmitToAsync<ResendSesReportHandler>(null, ct)).HandleAsync(id, ct));
                _uncertainSince.Remove(id);
                (_confirmations.TryGetValue(id, out var list) ? list : _confirmations[id] = []).Add(now);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                errors.Add($"host resend {stay.Key}: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    public async Task CheckEndAsync(SimulationHost host, DateTime now, CancellationToken ct)
    {
        Observe(now);
        var bookings = await host.WithDbAsync(db => db.Bookings.AsNoTracking().Where(b => b.CheckinCompletedAt != null).ToListAsync(ct));
        var overdue = (await host.WithDbAsync(db => db.Activities.AsNoTracking().Where(a => a.Kind == SesActivities.Overdue)
            .Select(a => a.SubjectId).ToListAsync(ct))).ToHashSet();
        var received = ses.ReceivedReports;
        var cancelled = ses.CancelledBatches.ToHashSet(StringComparer.Ordinal);
        var altas = received.Select((r, i) => (Report: r, At: _stamps[i])).Where(x => x.Report.Lote is not null)
            .SelectMany(x => References(x.Report.Document).Select(reference => (Reference: reference, x.At, Lote: x.Report.Lote!)))
            .ToLookup(x => x.Reference, StringComparer.Ordinal);

        foreach (var booking in bookings)
        {
            var stay = world.Stays.FirstOrDefault(s => s.BookingId == booking.Id);
            if (stay is null || stay.Property.SesEstablishmentCode is null || booking.Status != BookingStatus.Confirmed || !stay.Live) continue;
            Reported.Count();
            var completed = booking.CheckinCompletedAt!.Value;
            var sent = altas[CheckinState.BookingCode(booking)].Where(a => a.At >= completed.AddMinutes(-5)).OrderBy(a => a.At).ToList();
            var live = sent.Where(a => !cancelled.Contains(a.Lote)).ToList();
            var confirmations = _confirmations.GetValueOrDefault(booking.Id) ?? [];
            if (live.Count == 0)
            {
                Reported.Violate($"unreported:{stay.Key}", $"{stay.Key}: check-in completed {completed:u}, no accepted parte at SES (report {booking.Ses.State}, {booking.Ses.LastError})");
                continue;
            }
            // Between two confirmations by the host, the automation may have one parte accepted at most.
            var bounds = confirmations.Prepend(DateTime.MinValue).Append(DateTime.MaxValue).ToList();
            for (var i = 0; i + 1 < bounds.Count; i++)
            {
                var inSegment = live.Count(a => a.At > bounds[i] && a.At <= bounds[i + 1]);
                if (inSegment > 1)
                    Reported.Violate($"twice:{stay.Key}", $"{stay.Key}: {inSegment} accepted partes without a person's confirmation in between ({string.Join(", ", live.Select(a => $"{a.At:u}"))}; confirmed {string.Join(", ", confirmations.Select(c => $"{c:u}"))}; activities {await ActivitiesAsync(host, booking.Id, ct)}; bookings with this code {string.Join(", ", bookings.Where(b => CheckinState.BookingCode(b) == CheckinState.BookingCode(booking)).Select(b => $"{b.Id} {b.Status} {b.From} {b.Ses.State}"))})");
            }
            if (booking.Ses.State != SesReportState.Accepted)
                Reported.Violate($"unsettled:{stay.Key}", $"{stay.Key}: parte accepted at SES but the report is {booking.Ses.State} at the end");

            var deadline = stay.CheckinUtc + Deadline;
            var first = sent[0].At;
            WorstReportDelayMinutes = Math.Max(WorstReportDelayMinutes, (first - completed).TotalMinutes);
            if (first <= deadline) continue;
            LateReports++;
            Visible.Count();
            if (!overdue.Contains(booking.Id))
                Visible.Violate($"overdue:{stay.Key}", $"{stay.Key}: first parte at {first:u}, after its deadline {deadline:u}, and no {SesActivities.Overdue} activity");
            if (completed < deadline) LateReportBookings.Add(booking.Id);
            var windowFrom = completed < deadline ? completed : deadline;
            var reachable = (deadline - windowFrom).TotalMinutes - chaos.DownMinutes(ChaosTarget.Ses, windowFrom, deadline);
            if (reachable >= ReachableEnough.TotalMinutes && confirmations.Count == 0)
                Reported.Violate($"late:{stay.Key}", $"{stay.Key}: first parte at {first:u}, after its deadline {deadline:u}, although SES was reachable {reachable:F0} min of that time");
        }
    }

    private static async Task<string> ActivitiesAsync(SimulationHost host, Guid bookingId, CancellationToken ct) =>
        string.Join(", ", await host.WithDbAsync(db => db.Activities.AsNoTracking().Where(a => a.SubjectId == bookingId && a.Kind.StartsWith("ses."))
            .OrderBy(a => a.At).Select(a => a.At.ToString("MM-dd HH:mm") + " " + a.Kind).ToListAsync(ct)));

    private static IEnumerable<string> References(XDocument document) =>
        document.Descendants().Where(e => e.Name.LocalName == "referencia").Select(e => e.Value.Trim()).Distinct(StringComparer.Ordinal);
}
