using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Crew;

namespace Kasify.Application.Calendars;

public sealed record ExportUrlResponse(string IcalExportUrl);

/// <summary>POST /properties/{id}/calendar-export/rotate (owner): a new secret token; the old export URL stops working.</summary>
[PropertyScope(AccessLevel.Owner)]
public sealed class RotateExportTokenHandler(IKasifyDb db, PropertyAccess access, IPublicUrls urls)
{
    public async Task<ExportUrlResponse> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var property = await access.LoadForChangeAsync(propertyId, ct);
        property.RotateExportToken();
        await db.SaveChangesAsync(ct);
        return new ExportUrlResponse(urls.CalendarExport(property.Id, property.ExportToken));
    }
}
