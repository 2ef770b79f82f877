using Kasify.Application.Common;
using Kasify.Application.Timeline;
using Kasify.Domain.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.Ses;

/// <summary>Writes an SES step of a booking on the timeline (the property's name is kept even once it is archived).</summary>
public sealed class SesReportLog(IKasifyDb db, ActivityLog log)
{
    public async Task WriteAsync(Booking booking, string kind, string summary, CancellationToken ct)
    {
        var propertyName = await db.Properties.Where(p => p.Id == booking.PropertyId).Select(p => p.Name).SingleOrDefaultAsync(ct);
        await log.WriteAsync(kind, summary.Length > 500 ? summary[..500] : summary, "booking", booking.Id, booking.PropertyId, propertyName, ct);
    }
}
