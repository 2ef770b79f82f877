using Kasify.Application.Access;
using Kasify.Application.Common;

namespace Kasify.Application.Properties;

public sealed class DeleteCoverImageHandler(IKasifyDb db, ICurrentUser current, PropertyAccess access)
{
    public async Task HandleAsync(Guid propertyId, CancellationToken ct)
    {
        var user = await current.RequireAsync(ct);
        var (property, _) = await access.LoadForChangeAsync(user, propertyId, PropertyAccess.OwnerOrManager, ct);
        property.SetCoverImage(null);
        await db.SaveChangesAsync(ct);
    }
}
