using Microsoft.EntityFrameworkCore;
using Ardalis.Specification;
using Kasify.Domain.Bookings;

namespace Kasify.Application.Bookings;

public static class BookingSpecs
{
    /// <summary>
    /// The candidates of the overlap rule: the property's confirmed bookings touching the stay's dates, neighbours on its
    /// first and check-out days included. Which of them conflict is the domain's call (<see cref="StayOverlap"/>).
    /// </summary>
    public static ISpecification<Booking> ConfirmedStaysAround(Guid propertyId, StayPeriod stay) =>
        new ConfirmedAroundSpec(propertyId, stay.From, stay.To);

    public static ISpecification<Booking> Page(IQueryable<Guid> propertyIds, BookingFilter filter, int skip, int take) =>
        new PageSpec(propertyIds, filter, skip, take);

    private sealed class ConfirmedAroundSpec : Specification<Booking>
    {
        public ConfirmedAroundSpec(Guid propertyId, DateOnly from, DateOnly to) =>
            Query.Where(b => b.PropertyId == propertyId && b.Status == BookingStatus.Confirmed && b.To >= from && b.From <= to)
                .AsNoTracking();
    }

    private sealed class PageSpec : Specification<Booking>
    {
        public PageSpec(IQueryable<Guid> propertyIds, BookingFilter f, int skip, int take)
        {
            Query.Where(b => propertyIds.Contains(b.PropertyId));
            if (f.PropertyId is { } propertyId) Query.Where(b => b.PropertyId == propertyId);
            if (f.From is { } from) Query.Where(b => b.From >= from);
            if (f.To is { } to) Query.Where(b => b.To <= to);
            if (f.Channel is { } channel) Query.Where(b => b.Channel == channel);
            if (f.Status is { } status) Query.Where(b => b.Status == status);
            if (f.LikePattern is { } like)
            {
                if (f.SearchPersonalData)
                    Query.Where(b => EF.Functions.Like(b.GuestFirstName, like, "\\") || EF.Functions.Like(b.GuestLastName, like, "\\")
                                     || EF.Functions.Like(b.GuestEmail, like, "\\") || EF.Functions.Like(b.GuestPhone, like, "\\")
                                     || EF.Functions.Like(b.Notes, like, "\\") || EF.Functions.Like(b.ChannelId, like, "\\"));
                else
                    Query.Where(b => EF.Functions.Like(b.ChannelId, like, "\\"));
            }

            if (f.SortByCheckout)
            {
                if (f.SortDescending) Query.OrderByDescending(b => b.To).ThenByDescending(b => b.Id);
                else Query.OrderBy(b => b.To).ThenBy(b => b.Id);
            }
            else
            {
                if (f.SortDescending) Query.OrderByDescending(b => b.From).ThenByDescending(b => b.Id);
                else Query.OrderBy(b => b.From).ThenBy(b => b.Id);
            }

            Query.Skip(skip).Take(take).AsNoTracking();
        }
    }
}
