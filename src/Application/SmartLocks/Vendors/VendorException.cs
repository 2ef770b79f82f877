namespace Kasify.Application.SmartLocks.Vendors;

// Reason is safe to show to the host: the vendor's own message or ours, never a token, password or PIN.
public sealed class VendorException(string vendor, VendorErrorKind kind, string reason, Exception? innerException = null)
    : Exception($"{vendor}: {reason}", innerException)
{
    public string Vendor { get; } = vendor;

    public VendorErrorKind Kind { get; } = kind;

    public string Reason { get; } = reason;
}
