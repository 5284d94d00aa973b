using CrmKit.AspNetCore.Tests.Infrastructure;

namespace CrmKit.AspNetCore.Tests.Security;

/// <summary>
/// One server for the permission matrix: entities <see cref="Granted"/> and <see cref="Other"/>; for every operation and
/// scope a role granting exactly that operation with that scope on <see cref="Granted"/> (update and delete also read
/// every record, so that the scope of the change itself is what is tested), and an account holding only that role. All
/// those accounts and <see cref="Mate"/> form one team; <see cref="Outsider"/> is in none.
/// </summary>
public sealed class PermissionMatrixFixture : IAsyncLifetime
{
    public static readonly string[] Operations = ["create", "read", "update", "delete", "export"];
    public static readonly string[] Scopes = ["none", "own", "team", "all"];

    public CrmKitServerFactory Factory { get; } = new();

    public SecurityApi Security { get; private set; } = null!;

    public string Granted { get; private set; } = "";

    public string Other { get; private set; } = "";

    public string Mate { get; } = "mate";

    public string Outsider { get; } = "outsider";

    public Dictionary<string, CrmApi> Clients { get; } = [];

    public static string UserOf(string operation, string scope) => $"u-{operation}-{scope}";

    public async Task InitializeAsync()
    {
        Security = new SecurityApi(Factory);
        var admin = Security.Admin;
        Granted = await admin.CreateEntityAsync("""{"title": {"x-crm-type": "string"}, "amount": {"x-crm-type": "integer"}}""", prefix: "pm");
        Other = await admin.CreateEntityAsync("""{"title": {"x-crm-type": "string"}}""", prefix: "po");
        await Security.CreateUserAsync(Mate);
        await Security.CreateUserAsync(Outsider);
        var members = new List<string> { Mate };
        foreach (var operation in Operations)
        {
            foreach (var scope in Scopes)
            {
                var read = operation is "update" or "delete" ? "all" : operation == "read" ? scope : "none";
                var role = $"r-{operation}-{scope}";
                var grant = new System.Text.Json.Nodes.JsonObject { [operation] = scope, ["read"] = read };
                await Security.SaveRoleAsync(role, new System.Text.Json.Nodes.JsonObject
                {
                    ["entities"] = new System.Text.Json.Nodes.JsonObject { [Granted] = grant },
                }.ToJsonString());
                var user = UserOf(operation, scope);
                Clients[user] = await Security.ClientForNewUserAsync(user, role);
                members.Add(user);
            }
        }

        await Security.CreateTeamAsync("matrix", [.. members]);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }
}
