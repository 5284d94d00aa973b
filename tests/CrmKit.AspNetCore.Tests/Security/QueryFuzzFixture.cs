using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>An entity with a few records, an administrator client, and a client whose role sees its own records without the "secret" field.</summary>
public sealed class QueryFuzzFixture : IAsyncLifetime
{
    public CrmKitServerFactory Factory { get; } = new();

    public string Entity { get; private set; } = "";

    public CrmApi Admin { get; private set; } = null!;

    public CrmApi Restricted { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var security = new SecurityApi(Factory);
        Admin = security.Admin;
        Entity = await Admin.CreateEntityAsync(
            """
            {"title": {"x-crm-type": "string", "x-crm-indexed": true}, "amount": {"x-crm-type": "decimal"},
             "secret": {"x-crm-type": "string"},
             "stage": {"x-crm-type": "enum", "enum": ["new", "won"]}}
            """, prefix: "fz");
        await security.SaveRoleAsync("fuzzer", $$$"""{"entities": {"{{{Entity}}}": {"read": "own", "fields": {"secret": "hidden"}} }}""");
        Restricted = await security.ClientForNewUserAsync("fuzzer", "fuzzer");
        for (var i = 0; i < 5; i++)
        {
            await Admin.CreateRecordAsync(Entity, $$"""{"title": "t{{i}}", "amount": {{i}}.5, "secret": "s", "stage": "new", "owner_id": "fuzzer"}""");
        }
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
