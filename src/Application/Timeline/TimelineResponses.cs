namespace Kasify.Application.Timeline;

/// <summary>One line of /timeline/upcoming; <paramref name="Kind"/> is checkin, checkout or task.</summary>
public sealed record TimelineItem(string Kind, DateTime At, Guid PropertyId, string PropertyName, Guid? BookingId, Guid? TaskId, string Title);

/// <summary>A property-local day of the timeline.</summary>
public sealed record TimelineDay(DateOnly Date, IReadOnlyList<TimelineItem> Items);

public sealed record ActivityResponse(Guid Id, DateTime At, string Kind, Guid? ActorId, string? ActorName, Guid? PropertyId,
    string? PropertyName, string SubjectType, Guid SubjectId, string Summary);

public sealed record ActivitiesPage(IReadOnlyList<ActivityResponse> Activities, int Page, int Size, int Total);
