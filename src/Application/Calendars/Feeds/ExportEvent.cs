namespace Kasify.Application.Calendars.Feeds;

/// <param name="Uid">Stable across exports, e.g. <c>{bookingId}@kasify</c>; the <c>@kasify</c> suffix lets the parser recognise our events echoed back.</param>
/// <param name="To">Check-out day (exclusive end).</param>
/// <param name="Summary">Published to other channels as is: keep guest data out of it.</param>
public sealed record ExportEvent(string Uid, DateOnly From, DateOnly To, string Summary);
