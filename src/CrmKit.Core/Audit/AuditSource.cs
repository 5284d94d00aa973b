using CrmKit.Sdk.Security;

namespace CrmKit.Core.Audit;

/// <summary>
/// What is making record changes in the current flow of work, when it is not the caller itself: a plugin's hook
/// (channel <see cref="CrmChannel.Plugin"/>, source the plugin's id) or a workflow run (source <c>workflow:&lt;name&gt;</c>).
/// The audit trail records it next to the principal. Set with <see cref="Enter"/>; it flows with async calls.
/// </summary>
internal static class AuditSource
{
    private static readonly AsyncLocal<(CrmChannel Channel, string Source)?> Current = new();

    /// <summary>The innermost source, if any.</summary>
    public static (CrmChannel Channel, string Source)? Value => Current.Value;

    /// <summary>Marks the changes made until the returned scope is disposed.</summary>
    public static Scope Enter(CrmChannel channel, string source)
    {
        var previous = Current.Value;
        Current.Value = (channel, source);
        return new Scope(previous);
    }

    /// <summary>Restores the enclosing source when disposed.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly (CrmChannel, string)? _previous;

        internal Scope((CrmChannel, string)? previous) => _previous = previous;

        public void Dispose() => Current.Value = _previous;
    }
}
