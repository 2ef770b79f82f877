namespace Kasify.Application.SmartLocks.Vendors;

public enum VendorValidationStatus
{
    Ok,
    Rejected,
    Unavailable,
}

// Rejected = the vendor refused the credentials (API answers 422); Unavailable = could not ask (try later).
public sealed record VendorValidationResult(VendorValidationStatus Status, string? Reason)
{
    public static VendorValidationResult Ok() => new(VendorValidationStatus.Ok, null);

    public static VendorValidationResult Rejected(string reason) => new(VendorValidationStatus.Rejected, reason);

    public static VendorValidationResult Unavailable(string reason) => new(VendorValidationStatus.Unavailable, reason);

    public bool IsOk => Status == VendorValidationStatus.Ok;
}
