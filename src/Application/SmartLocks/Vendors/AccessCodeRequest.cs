namespace Kasify.Application.SmartLocks.Vendors;

// Name identifies the code on the lock so it can be found again (Nuki: auth name, at most 20 chars;
// UniFi: the visitor's remarks). Make it unique per booking and lock.
public sealed record AccessCodeRequest(
    string Name,
    string Pin,
    DateTimeOffset ValidFromUtc,
    DateTimeOffset ValidUntilUtc,
    string GuestFirstName,
    string GuestLastName)
{
    public const int NukiMaxNameLength = 20;

    public override string ToString() =>
        $"AccessCodeRequest {{ Name = {Name}, Pin = ***, ValidFromUtc = {ValidFromUtc:O}, ValidUntilUtc = {ValidUntilUtc:O} }}";
}
