namespace Kasify.Domain.Timeline;

/// <summary>One line of the activity log (<c>/timeline/activity</c>), written before the commit of what it records.</summary>
public sealed class Activity
{
    private Activity() { }

    public Activity(DateTime at, string kind, string summary, string subjectType, Guid subjectId,
        Guid? propertyId, string? propertyName, Guid? actorId, string? actorName)
    {
        At = at;
        Kind = kind;
        Summary = summary;
        SubjectType = subjectType;
        SubjectId = subjectId;
        PropertyId = propertyId;
        PropertyName = propertyName;
        ActorId = actorId;
        ActorName = actorName;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTime At { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid? ActorId { get; private set; }
    public string? ActorName { get; private set; }
    public Guid? PropertyId { get; private set; }
    public string? PropertyName { get; private set; }
    public string SubjectType { get; private set; } = "";
    public Guid SubjectId { get; private set; }
    public string Summary { get; private set; } = "";
}
