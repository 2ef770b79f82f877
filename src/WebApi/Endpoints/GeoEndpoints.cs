using Kasify.Application.Geo;
using Kasify.WebApi.OpenApi;
using Kasify.WebApi.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kasify.WebApi.Endpoints;

public static class GeoEndpoints
{
    public static void MapGeoEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/geo").WithTags(ApiTags.Geo).AllowAnonymous().RequireRateLimiting(RateLimits.Geo);

        group.MapGet("/countries", Ok<IReadOnlyList<Country>> (string? q, string? lang, SearchGeoHandler handler) =>
            TypedResults.Ok(handler.Countries(q, lang))).WithName("SearchCountries").WithSummary("Search countries");

        group.MapGet("/provinces", Ok<IReadOnlyList<Province>> (string? q, string? country, SearchGeoHandler handler) =>
            TypedResults.Ok(handler.Provinces(q, country))).WithName("SearchProvinces").WithSummary("Search provinces");

        group.MapGet("/cities", Ok<IReadOnlyList<City>> (string? q, [FromQuery(Name = "province_id")] Guid? provinceId, SearchGeoHandler handler) =>
            TypedResults.Ok(handler.Cities(q, provinceId))).WithName("SearchCities").WithSummary("Search cities");
    }
}
