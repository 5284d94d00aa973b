using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmKit.Core;
using CrmKit.Core.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Cli.Tests.EndToEnd;

/// <summary>
/// The real CrmKit REST API on Kestrel over a SQLite file, with the outbox configured as a host would
/// (<c>CrmKit:Outbox:*</c>): diagnostic jobs on (so <c>POST /api/outbox</c> queues them) and a short poll interval.
/// </summary>
public sealed class RealOutboxServer : RealServer
{
    protected override void Configure(WebApplicationBuilder builder, CrmKitBuilder crm)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CrmKit:Outbox:DiagnosticJobs"] = "true",
            ["CrmKit:Outbox:PollInterval"] = "00:00:00.100",
        });
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
    }

    /// <summary>Queues one diagnostic job through <c>POST /api/outbox</c> and returns its id.</summary>
    public async Task<string> EnqueueAsync(string kind, JsonObject? payload = null)
    {
        using var http = CreateHttpClient();
        using var response = await http.PostAsJsonAsync("api/outbox", new JsonObject { ["kind"] = kind, ["count"] = 1, ["payload"] = payload });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["first"]!.GetValue<string>();
    }

    /// <summary>Waits (up to 30 s) until the dispatcher has brought the job to <paramref name="state"/>.</summary>
    public async Task WaitForStateAsync(string id, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? current = null;
        using var http = CreateHttpClient();
        while (DateTime.UtcNow < deadline)
        {
            var job = JsonNode.Parse(await http.GetStringAsync("api/outbox/" + id))!;
            current = job["state"]!.GetValue<string>();
            if (current == state)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Outbox job {id} is still {current}, not {state}.");
    }
}
