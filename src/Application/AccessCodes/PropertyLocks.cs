using Kasify.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Kasify.Application.AccessCodes;

/// <summary>
/// Whether a property has smart locks, for the booking events of one unit of work: the database is asked once per property
/// (an import's bookings all ask; issue 14), and locks this unit of work tracks count too.
/// </summary>
public sealed class PropertyLocks(IKasifyDb db)
{
    private readonly Dictionary<Guid, bool> _stored = [];

    public async Task<bool> AnyAsync(Guid propertyId, CancellationToken ct)
    {
        if (!_stored.TryGetValue(propertyId, out var stored))
            _stored[propertyId] = stored = await db.SmartLocks.AnyAsync(l => l.PropertyId == propertyId, ct);
        var tracked = db.SmartLocks.Local;
        return stored || (tracked.Count > 0 && tracked.Any(l => l.PropertyId == propertyId));
    }
}
