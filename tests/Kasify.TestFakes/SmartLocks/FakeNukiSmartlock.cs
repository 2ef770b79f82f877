namespace Kasify.TestFakes.SmartLocks;

// A smartlock in FakeNuki; change the properties to simulate state changes (codes per vendors.md §1.3–1.4).
public sealed class FakeNukiSmartlock
{
    internal FakeNukiSmartlock(string apiToken, long smartlockId, string name)
    {
        ApiToken = apiToken;
        SmartlockId = smartlockId;
        Name = name;
    }

    internal string ApiToken { get; }

    public long SmartlockId { get; }

    public string Name { get; set; }

    public int Type { get; set; } = 4;

    public int State { get; set; } = 1;

    public int DoorState { get; set; } = 2;

    public bool BatteryCritical { get; set; }

    public int ServerState { get; set; }

    // Keypad codes (type 13) are only accepted when a keypad is paired.
    public bool HasKeypad { get; set; } = true;
}
