using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Domain.Crew;

namespace Kasify.Application.Properties;

[PropertyScope(AccessLevel.Owner, AccessLevel.Manager)]
public sealed class DeleteCoverImageHandler(IKasifyDb db, PropertyAccess access)
{
    public async Task HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var property = await access.LoadForChangeAsync(propertyId, ct);
        property.SetCoverImage(null);
        await db.SaveChangesAsync(ct);
    }
}
