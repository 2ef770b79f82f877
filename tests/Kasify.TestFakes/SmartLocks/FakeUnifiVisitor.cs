namespace Kasify.TestFakes.SmartLocks;

// A visitor in FakeUnifi (vendors.md §2.4). Pin is what was assigned; the API itself only ever shows its hash.
public sealed class FakeUnifiVisitor
{
    public required string Id { get; init; }

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string? Remarks { get; set; }

    public string VisitReason { get; set; } = "Others";

    public long StartTime { get; set; }

    public long EndTime { get; set; }

    public string Status { get; set; } = "UPCOMING";

    public List<string> DoorIds { get; } = [];

    public string DoorGroupId { get; } = Guid.NewGuid().ToString();

    public string DoorGroupName { get; init; } = string.Empty;

    public string? Pin { get; set; }
}
