using Kasify.Application.Access;
using Kasify.Application.Common;

namespace Kasify.Application.Calendars;

public sealed record ExportUrlResponse(string IcalExportUrl);

/// <summary>POST /properties/{id}/calendar-export/rotate (owner): a new secret token; the old export URL stops working.</summary>
public sealed class RotateExportTokenHandler(IKasifyDb db, ICurrentUser current, PropertyAccess access, IPublicUrls urls)
{
    public async Task<ExportUrlResponse> HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (property, _) = await access.LoadForChangeAsync(user, propertyId, PropertyAccess.OwnerOnly, ct);
        property.RotateExportToken();
        await db.SaveChangesAsync(ct);
        return new ExportUrlResponse(urls.CalendarExport(property.Id, property.ExportToken));
    }
}
