using Hangfire;
using Kasify.Application;
using Kasify.Application.Common;
using Kasify.Infrastructure;
using Kasify.Infrastructure.Persistence;
using Kasify.Infrastructure.Security;
using Kasify.Infrastructure.Telemetry;
using Kasify.WebApi.Auth;
using Kasify.WebApi.Dashboard;
using Kasify.WebApi.Endpoints;
using Kasify.WebApi.Errors;
using Kasify.WebApi.Json;
using Kasify.WebApi.OpenApi;
using Kasify.WebApi.RateLimiting;
using Kasify.WebApi.Security;
using Kasify.WebApi.UseCases;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddKasifySecurity();

builder.Services.ConfigureHttpJsonOptions(o => JsonSetup.Configure(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // bad input → our 400 problem, with a reason
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddHttpContextAccessor();

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddScoped<ICurrentUser, CurrentUser>();
builder.Services.AddScoped<IPublicUrls, PublicUrls>();
builder.Services.AddScoped<DashboardAccess>();
builder.Services.AddScoped<CreateDashboardSessionHandler>();

builder.Services.AddKasifyAuth();
builder.Services.AddKasifyRateLimits(builder.Configuration);
builder.Services.AddKasifyOpenApi();
builder.Services.AddKasifyHealthChecks();
builder.Services.AddKasifyTelemetry(builder.Configuration);

var app = builder.Build();

try
{
    await app.Services.MigrateDatabaseAsync();
}
catch (SqliteInstanceLockedException refused)
{
    // An operator's mistake, not a crash: one clear line and a plain non-zero exit code (no stack trace, no abort).
    app.Logger.LogCritical("Kasify did not start. {Reason}", refused.Message);
    await app.DisposeAsync(); // flushes the console logger
    return 1;
}
app.Services.EnsureSharedKeyRing();

app.UseKasifyRequestSecurity();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseKasifyEndpointSecurity();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapOpenApi("/openapi.json").RequireRateLimiting(RateLimits.OpenApi).AllowAnonymous();
app.MapOpenApi("/openapi.yaml").RequireRateLimiting(RateLimits.OpenApi).AllowAnonymous();
app.MapScalarApiReference("/scalar", OpenApiSetup.ConfigureReference).AllowAnonymous();
app.UseHangfireDashboard(DashboardAccess.DashboardPath, new DashboardOptions
{
    Authorization = [],
    AsyncAuthorization = [new AdminDashboardAuthorization()],
    DisplayStorageConnectionString = false,
    DashboardTitle = "Kasify jobs",
});

var useCases = app.MapUseCases(); // every endpoint below enters its use case through one pipeline
useCases.MapHealthEndpoints();
useCases.MapAccountEndpoints();
useCases.MapAdminEndpoints();
useCases.MapPropertyEndpoints();
useCases.MapCrewEndpoints();
useCases.MapTaskEndpoints();
useCases.MapBookingEndpoints();
useCases.MapCalendarEndpoints();
useCases.MapTimelineEndpoints();
useCases.MapFileEndpoints();
useCases.MapGeoEndpoints();
useCases.MapCheckinEndpoints();
useCases.MapGuestEndpoints();
useCases.MapSesEndpoints();
useCases.MapIntegrationEndpoints();
useCases.MapSmartLockEndpoints();
useCases.MapAccessCodeEndpoints();

app.Run();
return 0;

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
