using Kasify.Domain.AccessCodes;

namespace Kasify.Application.AccessCodes;

/// <summary><c>AccessCode</c> (docs/api.md §6). <see cref="Code"/> is the PIN: only ever built for owners and managers.</summary>
public sealed record AccessCodeResponse(
    Guid Id,
    Guid BookingId,
    Guid SmartLockId,
    string SmartLockName,
    string Vendor,
    string Code,
    DateTime ValidFrom,
    DateTime ValidUntil,
    AccessCodeStatus Status,
    string? LastError,
    DateTime CreatedAt)
{
    public override string ToString() => $"AccessCodeResponse {{ Id = {Id}, SmartLockName = {SmartLockName}, Status = {Status}, Code = *** }}";
}

/// <summary>Body of <c>POST /bookings/{id}/accesscode</c>'s answer.</summary>
public sealed record AccessCodesResult(IReadOnlyList<AccessCodeResponse> AccessCodes, IReadOnlyList<FailedSmartLock> FailedSmartlocks);

public sealed record FailedSmartLock(Guid SmartLockId, string Name, string Error);
