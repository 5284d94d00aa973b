using System.Text.Json.Nodes;
using CrmKit.Core.Metadata;
using CrmKit.Core.Storage;
using CrmKit.Core.Templates;
using CrmKit.Core.Tests.Services;
using Microsoft.Extensions.DependencyInjection;

namespace CrmKit.Core.Tests.Storage;

/// <summary>
/// Services that open their own sessions join an <see cref="AmbientStoreTransaction"/> (on the store the suite runs on:
/// SQLite, or PostgreSQL with CRMKIT_CORE_TESTS_STORE=postgresql), so their writes commit or roll back together.
/// </summary>
public sealed class AmbientStoreTransactionTests
{
    private static readonly JsonObject Project = JsonNode.Parse("""
        {"x-crm-entity": "project", "properties": {"title": {"x-crm-type": "string"}}, "required": ["title"]}
        """)!.AsObject();

    [Fact]
    public async Task RunAsync_ShouldRollBackEveryServiceWrite_WhenTheWorkThrows()
    {
        await using var host = await CrmTestHost.StartAsync();
        var store = host.Services.GetRequiredService<ICrmStore>();
        var templates = host.Services.GetRequiredService<ITemplateService>();

        await Should.ThrowAsync<InvalidOperationException>(() => AmbientStoreTransaction.RunAsync(store, async ct =>
        {
            await host.Metadata.CreateEntityAsync(CrmTestHost.User, (JsonObject)Project.DeepClone(), ct);
            await host.CreateAsync("project", """{"title": "Inside"}""");
            await templates.SaveAsync(CrmTestHost.User, new TemplateSaveRequest { Name = "t", Locale = "ru", Kind = "document", Source = "x" }, ct);
            AmbientStoreTransaction.IsActive.ShouldBeTrue();
            throw new InvalidOperationException("stop");
        }, CancellationToken.None));

        AmbientStoreTransaction.IsActive.ShouldBeFalse();
        await host.Services.GetRequiredService<ICrmStateReloader>().ReloadAsync(CancellationToken.None);
        host.Metadata.GetEntities().ShouldNotContain(e => e.Name == "project");
        (await templates.ListAsync()).ShouldBeEmpty();
        await using var session = await store.BeginAsync(write: false, CancellationToken.None);
        (await session.GetSchemaVersionsAsync(CancellationToken.None)).Keys.ShouldNotContain("project");
    }

    [Fact]
    public async Task RunAsync_ShouldCommitOnce_WhenTheWorkCompletes()
    {
        await using var host = await CrmTestHost.StartAsync();
        var store = host.Services.GetRequiredService<ICrmStore>();

        await AmbientStoreTransaction.RunAsync(store, async ct =>
        {
            await host.Metadata.CreateEntityAsync(CrmTestHost.User, (JsonObject)Project.DeepClone(), ct);
            await host.CreateAsync("project", """{"title": "One"}""");
            await host.Metadata.RenameFieldAsync(CrmTestHost.User, "project", "title", "name", ct);
        }, CancellationToken.None);

        (await host.CountAsync("project")).ShouldBe(1);
        var history = await host.Metadata.GetHistoryAsync("project");
        history.Select(h => h.Diff[0]!["op"]!.GetValue<string>()).ShouldBe(["create", "rename"]);
        var record = (await host.Records.QueryAsync(CrmTestHost.User, "project", new Sdk.Records.RecordQuery())).Items.ShouldHaveSingleItem();
        record.Values["name"]!.GetValue<string>().ShouldBe("One");
        record.Values.ContainsKey("title").ShouldBeFalse();
    }

    [Fact]
    public async Task RunAsync_ShouldRefuse_WhenNested()
    {
        await using var host = await CrmTestHost.StartAsync();
        var store = host.Services.GetRequiredService<ICrmStore>();

        await Should.ThrowAsync<InvalidOperationException>(() => AmbientStoreTransaction.RunAsync(store,
            ct => AmbientStoreTransaction.RunAsync(store, _ => Task.CompletedTask, ct), CancellationToken.None));
    }
}
