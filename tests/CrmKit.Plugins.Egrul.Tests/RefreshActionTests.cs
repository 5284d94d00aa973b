using System.Text.Json.Nodes;
using CrmKit.Core.Workflows;
using CrmKit.Core.Workflows.Engine;
using CrmKit.Plugins.Egrul.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Plugins.Egrul.Tests;

/// <summary>The workflow action "refresh from EGRUL" (<c>ru.egrul.refresh</c>) run by the host's workflow engine.</summary>
public sealed class RefreshActionTests : IAsyncLifetime
{
    private const string Workflow = """
        {"name": "egrul-refresh", "enabled": true, "trigger": {"type": "manual", "entity": "company"},
         "steps": [{"id": "refresh", "action": "ru.egrul.refresh", "parameters": {}}]}
        """;

    private EgrulHost _host = null!;

    private FakeDaData DaData => _host.DaData;

    public async Task InitializeAsync()
    {
        _host = await EgrulHost.StartAsync();
        await _host.Services.GetRequiredService<IWorkflowDefinitionService>()
            .SaveAsync(JsonNode.Parse(Workflow)!.AsObject(), null, EgrulHost.User);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Refresh_ShouldUpdateTheRequisitesStatusAndFlag_AndKeepTheName()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject { ["inn"] = DaDataPayloads.MotorikaInn });
        await _host.Records.UpdateAsync(EgrulHost.User, "company", company.Id, new JsonObject { ["name"] = "Моторика (клиент)" }, null);
        var liquidated = DaDataPayloads.WithStatus("LIQUIDATED");
        liquidated["suggestions"]![0]!["data"]!["management"]!["name"] = "Петров Пётр Петрович";
        DaData.Default = FakeReply.Json(liquidated);

        var run = await RunAsync(company.Id);

        run.Status.ShouldBe(WorkflowRunStatus.Completed, run.Error);
        var refreshed = await _host.GetCompanyAsync(company.Id);
        refreshed.Values["egrul_status"]!.GetValue<string>().ShouldBe("LIQUIDATED");
        refreshed.Values["egrul_inactive"]!.GetValue<bool>().ShouldBeTrue();
        refreshed.Values["egrul_liquidation_date"]!.GetValue<string>().ShouldBe("2022-01-01");
        refreshed.Values["director_name"]!.GetValue<string>().ShouldBe("Петров Пётр Петрович");
        refreshed.Values["name"]!.GetValue<string>().ShouldBe("Моторика (клиент)");

        // The LIQUIDATED status shows the refresh went past the cache, which still held the ACTIVE answer of the creation.
        DaData.Requests.Count.ShouldBeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task Refresh_ShouldFailTheRun_WhenTheCompanyHasNoInn()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject { ["name"] = "Без ИНН" });

        var run = await RunAsync(company.Id);

        run.Status.ShouldBe(WorkflowRunStatus.Failed);
        run.Error.ShouldNotBeNull().ShouldContain("no INN");
        DaData.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Refresh_ShouldMarkTheCompanyNotFound_WhenTheRegistryForgotIt()
    {
        var company = await _host.CreateCompanyAsync(new JsonObject { ["inn"] = DaDataPayloads.MotorikaInn });
        DaData.Default = FakeReply.Json(DaDataPayloads.NotFound());

        var run = await RunAsync(company.Id);

        run.Status.ShouldBe(WorkflowRunStatus.Completed, run.Error);
        (await _host.GetCompanyAsync(company.Id)).Values["egrul_sync_state"]!.GetValue<string>().ShouldBe("not_found");
    }

    private async Task<Core.Storage.StoredWorkflowRun> RunAsync(Guid companyId)
    {
        var runs = _host.Services.GetRequiredService<IWorkflowRunService>();
        var run = await runs.StartAsync("egrul-refresh", "company", companyId, EgrulHost.User);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (current, _) = await runs.GetAsync(run.Id);
            if (current.Status is WorkflowRunStatus.Completed or WorkflowRunStatus.Failed || DateTime.UtcNow > deadline)
            {
                return current;
            }

            await Task.Delay(50);
        }
    }
}
