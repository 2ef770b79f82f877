using System.Text.Json.Nodes;
using Kasify.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kasify.FunctionalTests.Platform;

/// <summary>
/// The served document as a dashboard team uses it: Redocly's recommended ruleset finds no problem, and a
/// TypeScript client generated from it (openapi-typescript) compiles a small program under <c>tsc --strict</c>.
/// </summary>
public sealed class OpenApiToolingTests : ApiFixture
{
    private string _work = null!;

    [OneTimeSetUp]
    public async Task WriteDocument()
    {
        _work = Directory.CreateTempSubdirectory("kasify-openapi-").FullName;
        // Served under a real-looking host: the ruleset rightly warns about a localhost server URL.
        var client = Api.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://api.kasify.test") });
        await File.WriteAllTextAsync(Path.Combine(_work, "openapi.json"), await client.GetStringAsync("/openapi.json"));
    }

    [OneTimeTearDown]
    public void RemoveWorkDirectory() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task Redocly_recommended_ruleset_reports_no_errors_and_no_warnings_but_the_missing_licence()
    {
        var (exitCode, output, errors) = await NodeTools.RunAsync("redocly", NodeTools.Directory,
            "lint", Path.Combine(_work, "openapi.json"), "--format=json", "--max-problems=1000", "--config", Path.Combine(NodeTools.Directory, "redocly.yaml"));

        var report = JsonNode.Parse(output[output.IndexOf('{')..])!;
        var problems = report["problems"]!.AsArray()
            .Select(p => $"{p!["severity"]} {p["ruleId"]} at {p["location"]![0]!["pointer"]}: {p["message"]}").ToList();
        exitCode.Should().Be(0, "the lint must pass: {0}{1}", string.Join("\n", problems), errors);
        report["totals"]!["errors"]!.GetValue<int>().Should().Be(0, string.Join("\n", problems));
        // The project has no licence to name yet; every other warning of the ruleset counts.
        problems.Where(p => !p.Contains("info-license")).Should().BeEmpty();
    }

    [Test]
    public async Task A_typescript_client_generated_from_the_document_compiles_a_small_program()
    {
        var generated = await NodeTools.RunAsync("openapi-typescript", _work, "openapi.json", "--output", "kasify.ts");
        generated.ExitCode.Should().Be(0, generated.Output + generated.Errors);
        await File.WriteAllTextAsync(Path.Combine(_work, "client.ts"), ClientProgram);
        await File.WriteAllTextAsync(Path.Combine(_work, "tsconfig.json"), """
            {"compilerOptions": {"strict": true, "noEmit": true, "target": "ES2022", "module": "ESNext", "moduleResolution": "Bundler",
              "lib": ["ES2022", "DOM"], "types": [], "noUnusedLocals": true}, "files": ["client.ts"]}
            """);

        var compiled = await NodeTools.RunAsync("tsc", _work, "--project", "tsconfig.json");

        compiled.ExitCode.Should().Be(0, "tsc must accept the program against the generated types:\n{0}{1}", compiled.Output, compiled.Errors);
    }

    /// <summary>What a dashboard does first: create a property, list its bookings, read a problem, open a check-in.</summary>
    private const string ClientProgram = """
        import type { components, operations, paths } from "./kasify";

        type NewProperty = paths["/properties"]["post"]["requestBody"]["content"]["application/json"];
        type Property = paths["/properties/{id}"]["get"]["responses"][200]["content"]["application/json"];
        type Problem = paths["/properties/{id}"]["get"]["responses"][404]["content"]["application/problem+json"];
        type BookingsPage = operations["ListPropertyBookings"]["responses"][200]["content"]["application/json"];
        type BookingsQuery = NonNullable<operations["ListPropertyBookings"]["parameters"]["query"]>;
        type Snapshot = components["schemas"]["CheckinSnapshot"];

        async function call<T>(base: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
          const response = await fetch(base + path, {
            method,
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          if (!response.ok) throw new Error(explain((await response.json()) as Problem));
          return (await response.json()) as T;
        }

        export function explain(problem: Problem): string {
          const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(", ")}`);
          return `${problem.status ?? 0} ${problem.title ?? ""}: ${problem.detail ?? ""} ${fields.join("; ")}`;
        }

        export async function firstStays(base: string, token: string): Promise<string[]> {
          const draft: NewProperty = { name: "Casa Azul", address: "Calle Mayor 1", city: "Madrid", zip_code: "28013" };
          const property = await call<Property>(base, token, "POST", "/properties", draft);
          const query: BookingsQuery = { from: "2026-07-01", sortBy: "CHECKOUT", page: 0, size: 20 };
          const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
          const page = await call<BookingsPage>(base, token, "GET", `/properties/${property.id}/bookings?${search}`);
          const total: number = page.total;
          return page.bookings.map(b => `${property.name} (${total}): ${b.from} → ${b.to}, ${b.status}, ${b.guest_first_name ?? "?"}`);
        }

        export function partySize(snapshot: Snapshot): number {
          return snapshot.guests_number - snapshot.guests.length;
        }
        """;
}
