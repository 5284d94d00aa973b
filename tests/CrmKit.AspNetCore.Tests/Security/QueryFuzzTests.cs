using System.Net;
using CrmKit.AspNetCore.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>
/// Property-based fuzzing of the filter and sort parser through the real HTTP pipeline, as an administrator and as a
/// restricted user (so the scope filter and field checks are in play): whatever the text, the answer is a 200 or a
/// clean 400/403 problem — never a 500, and never a trace of SQL or of the server's internals.
/// </summary>
public sealed class QueryFuzzTests(QueryFuzzFixture fixture) : IClassFixture<QueryFuzzFixture>
{
    private static readonly string[] Tokens =
    [
        "title", "amount", "secret", "stage", "owner_id", "id", "created_at", "version", "deleted_at", "no_such_field",
        "eq", "ne", "gt", "ge", "lt", "le", "in", "has", "and", "or", "not", "asc", "desc",
        "contains(", "startswith(", "endswith(", "(", ")", ",", "'", "''", "null", "true", "false",
        "'x'", "'%'", "'_'", "'\\'", "1", "-1", "1.5", "1e308", "99999999999999999999999", "0.0000000001",
        "'2025-01-01'", "'2025-13-45'", "'0195b4c2-0000-7000-8000-000000000000'", "'Иван'", "';DROP TABLE e_deal;--'",
        "\"", "`", "[", "]", "$", "@p0", "json_extract(data, '$')", "*", "/", "--", "/*", "\u0000", "\t", "\n",
    ];

    private static Gen<string> Text() =>
        Gen.OneOf(
            Gen.ListOf(Gen.Elements(Tokens)).Select(parts => string.Join(' ', parts)),
            Gen.ListOf(Gen.Elements(Tokens)).Select(parts => string.Concat(parts)),
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""));

    [Property(MaxTest = 250)]
    public Property Filter_ShouldNeverFailInternally(bool restricted) =>
        Prop.ForAll(Text().ToArbitrary(), text => Check(restricted, "filter=" + Uri.EscapeDataString(text)));

    [Property(MaxTest = 250)]
    public Property Sort_ShouldNeverFailInternally(bool restricted) =>
        Prop.ForAll(Text().ToArbitrary(), text => Check(restricted, "sort=" + Uri.EscapeDataString(text)));

    [Property(MaxTest = 150)]
    public Property FilterSortAndSelect_Together_ShouldNeverFailInternally(bool restricted) =>
        Prop.ForAll(Text().ToArbitrary(), Text().ToArbitrary(), (filter, sort) =>
            Check(restricted, $"filter={Uri.EscapeDataString(filter)}&sort={Uri.EscapeDataString(sort)}&select={Uri.EscapeDataString(sort)}&count=true"));

    private bool Check(bool restricted, string query)
    {
        var api = restricted ? fixture.Restricted : fixture.Admin;
        using var response = api.GetAsync($"/api/records/{fixture.Entity}?{query}").GetAwaiter().GetResult();
        var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        var status = (int)response.StatusCode;
        (status is 200 or 400 or 403).ShouldBeTrue($"{status} for ?{query}: {body}");
        if (status != 200)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            ResponseAssertions.ShouldNotLeakInternals(body);
            // Errors quote the offending part of the input; only what the input did not bring in counts as a leak.
            var input = Uri.UnescapeDataString(query);
            foreach (var leak in (string[])["SQLite", "sqlite", "SQL logic", "syntax error", "json_extract", "e_" + fixture.Entity, "Npgsql"])
            {
                if (!input.Contains(leak, StringComparison.Ordinal))
                {
                    body.ShouldNotContain(leak, Case.Sensitive, $"?{query} leaked '{leak}': {body}");
                }
            }
        }

        return true;
    }
}
