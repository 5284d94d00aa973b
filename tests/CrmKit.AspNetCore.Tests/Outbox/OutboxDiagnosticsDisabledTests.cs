using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Outbox;

/// <summary><c>POST /api/outbox</c> on a server with <c>CrmKit:Outbox:DiagnosticJobs</c> off (the default).</summary>
public sealed class OutboxDiagnosticsDisabledTests(CrmKitServerFactory factory) : IClassFixture<CrmKitServerFactory>
{
    private readonly CrmApi _api = new(factory.CreateClient());

    [Fact]
    public async Task Enqueue_ShouldAnswer404DiagnosticsDisabled_WhenDiagnosticJobsAreOff()
    {
        using var response = await _api.PostJsonAsync("/api/outbox", """{"kind": "diagnostics.noop", "count": 1}""");

        await response.ShouldBeProblemAsync(404, "outbox.diagnostics_disabled");
    }

    [Fact]
    public async Task List_ShouldWork_WhenDiagnosticJobsAreOff()
    {
        var list = await _api.GetJsonAsync("/api/outbox?state=dead");

        list["items"]!.AsArray().ShouldBeEmpty();
    }
}
