using System.Net;
using System.Text.Json.Nodes;

namespace CrmKit.AspNetCore.Tests.Infrastructure;

/// <summary>Checks on HTTP answers: status, media type, and the problem-details contract of docs/rest-api.md.</summary>
public static class ResponseAssertions
{
    public static async Task<JsonObject> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// Asserts an RFC 7807 answer: the status, <c>application/problem+json</c>, the stable code and its type URI,
    /// the instance, and no trace of server internals (stack frames, exception names).
    /// </summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonNode.Parse(text)!.AsObject();
        problem["code"]!.GetValue<string>().ShouldBe(code, text);
        problem["status"]!.GetValue<int>().ShouldBe(status);
        problem["type"]!.GetValue<string>().ShouldBe("https://crmkit.dev/problems/" + code);
        problem["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        problem["instance"]!.GetValue<string>().ShouldStartWith("/");
        ShouldNotLeakInternals(text);
        ShouldBeFilledIn(problem["title"]!.GetValue<string>(), text);
        foreach (var error in problem["errors"] as JsonArray ?? [])
        {
            var pointer = error!["pointer"]!.GetValue<string>();
            (pointer.Length == 0 || pointer.StartsWith('/')).ShouldBeTrue($"'{pointer}' is not a JSON pointer: {text}");
            error["code"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
            ShouldBeFilledIn(error["message"]!.GetValue<string>(), text);
        }

        return problem;
    }

    public static void ShouldNotLeakInternals(string text)
    {
        text.ShouldNotContain("   at ", Case.Sensitive, "a stack trace leaked");
        text.ShouldNotContain("Exception", Case.Sensitive, "an exception name leaked");
        text.ShouldNotContain(".cs:line", Case.Sensitive, "a source location leaked");
        text.ShouldNotContain("SQLite", Case.Insensitive, "a database message leaked");
    }

    /// <summary>A message whose placeholders were all replaced (no <c>{0}</c> left).</summary>
    private static void ShouldBeFilledIn(string message, string problem)
    {
        message.ShouldNotBeNullOrWhiteSpace();
        System.Text.RegularExpressions.Regex.IsMatch(message, @"\{\d+\}").ShouldBeFalse($"unformatted message: {problem}");
    }

    /// <summary>The pointers of the problem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> Pointers(this JsonObject problem) =>
        (problem["errors"] as JsonArray ?? []).Select(e => e!["pointer"]!.GetValue<string>()).ToList();

    /// <summary>The codes of the problem's <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorCodes(this JsonObject problem) =>
        (problem["errors"] as JsonArray ?? []).Select(e => e!["code"]!.GetValue<string>()).ToList();
}
