namespace Kasify.Infrastructure.SmartLocks;

/// <summary><c>SmartLocks:AllowPrivateAddresses</c>: whether consoles on loopback/private networks may be reached.</summary>
internal sealed record SmartLockNetworkSettings(bool AllowPrivateAddresses);
