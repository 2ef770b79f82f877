using Kasify.Application.Access;
using Kasify.Application.Common;
using Kasify.Application.Jobs;
using Kasify.Application.Properties;
using Kasify.Application.Timeline;
using Mapster;
using Microsoft.Extensions.DependencyInjection;

namespace Kasify.Application;

public static class DependencyInjection
{
    /// <summary>Use-case handlers (classes named *Handler), readers, job handlers and the mapping config.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var types = typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true });
        foreach (var handler in types.Where(t => t.Name.EndsWith("Handler", StringComparison.Ordinal) && !t.IsAssignableTo(typeof(IOutboxJobHandler))
                                                 && !t.IsAssignableTo(typeof(IOutboxJob))))
            services.AddScoped(handler);
        foreach (var job in types.Where(t => t.IsAssignableTo(typeof(IOutboxJobHandler))))
            services.AddScoped(typeof(IOutboxJobHandler), job);
        foreach (var job in types.Where(t => t.IsAssignableTo(typeof(IOutboxJob))))
            services.AddScoped(typeof(IOutboxJob), job);

        services.AddSingleton(MappingConfig.Create());
        services.AddScoped<PropertyAccess>();
        services.AddUseCasePipeline();
        services.AddScoped<PropertyReader>();
        services.AddScoped<PropertyRequestValidator>();
        services.AddScoped<Accounts.AccountReader>();
        services.AddScoped<ActivityLog>();
        services.AddScoped<Tasks.TaskReader>();
        services.AddScoped<Bookings.BookingReader>();
        services.AddScoped<Tasks.NextBookings>();
        services.AddScoped<Tasks.Cleaning.CleaningPlanner>();
        services.AddScoped<Tasks.Cleaning.CleaningTaskSweep>();
        services.AddScoped<IOutbox, Outbox>();
        services.AddScoped<Checkin.CheckinReader>();
        services.AddScoped<Checkin.GuestRegistrationValidator>();
        services.AddScoped<Checkin.GuestRegistrationMapper>();
        services.AddScoped<Ses.TravellerReportBuilder>();
        services.AddScoped<Ses.SesReportLog>();
        services.AddScoped<Ses.SesSweep>();
        services.AddScoped<Ses.SesBookingSaver>();
        services.AddScoped<Guests.GuestRetentionPurge>();
        services.AddScoped<Integrations.SesIntegrationReader>();
        services.AddScoped<Integrations.SesIntegrationValidator>();
        services.AddScoped<Integrations.IntegrationAccess>();
        services.AddScoped<Integrations.IntegrationReader>();
        services.AddScoped<Calendars.FeedReconciler>();
        services.AddScoped<Calendars.BookingConflicts>();
        services.AddScoped<Calendars.CalendarEventsReader>();
        services.AddScoped<Calendars.DueCalendarSyncDispatcher>();
        services.AddScoped<Timeline.ITaskTimelineSource, Tasks.TaskTimelineSource>();
        services.AddScoped<Integrations.SmartLockCredentialStore>();
        services.AddScoped<Integrations.SmartLockIntegrationValidator>();
        services.AddSingleton<Integrations.CredentialCheckLimiter>();
        services.AddScoped<AccessCodes.AccessCodeProvisioner>();
        services.AddScoped<AccessCodes.AccessCodeRevoker>();
        services.AddScoped<AccessCodes.VendorFailures>();
        services.AddScoped<AccessCodes.AccessCodeReader>();
        services.AddScoped<AccessCodes.BookingCodesAccess>();
        services.AddScoped<AccessCodes.AccessCodeSweep>();
        services.AddScoped<AccessCodes.LateCodeNote>();
        services.AddScoped<AccessCodes.PropertyLocks>();
        return services;
    }
}
