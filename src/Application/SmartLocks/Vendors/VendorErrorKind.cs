namespace Kasify.Application.SmartLocks.Vendors;

public enum VendorErrorKind
{
    // Credentials missing, invalid, expired or lacking permission.
    Unauthorized,

    // The vendor understood the request and refused it (bad PIN, name too long, duplicate...). Retrying will not help.
    Rejected,

    // The lock, door or code does not exist (any more).
    NotFound,

    // Vendor down, timeout, 5xx, rate limit. Retrying later may help.
    Transient,
}
