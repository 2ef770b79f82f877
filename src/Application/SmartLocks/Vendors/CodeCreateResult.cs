namespace Kasify.Application.SmartLocks.Vendors;

// Pin is the PIN actually stored on the lock: UniFi may replace the requested one when it is taken.
public abstract record CodeCreateResult(string Pin)
{
    // The vendor created the code and told us its id.
    public sealed record Created(string ExternalCodeId, string Pin) : CodeCreateResult(Pin)
    {
        public override string ToString() => $"Created {{ ExternalCodeId = {ExternalCodeId}, Pin = *** }}";
    }

    // Nuki accepted the request (204, no id). Call FindCodeAsync by name later to learn the id;
    // if the lock is offline it may never appear.
    public sealed record Pending(string Pin) : CodeCreateResult(Pin)
    {
        public override string ToString() => "Pending { Pin = *** }";
    }
}
