namespace Kasify.Application.Checkin;

/// <summary>Public: the check-in page of a booking, found by its unguessable code.</summary>
public sealed class GetCheckinHandler(CheckinReader reader)
{
    public async Task<CheckinSnapshot> HandleAsync(string code, CancellationToken ct)
    {
        var (booking, property) = await reader.FindAsync(code, ct);
        return await reader.SnapshotAsync(booking, property, ct);
    }
}
