using System.Reflection;

namespace CrmKit.Core.Storage;

/// <summary>
/// A view of the ambient session (<see cref="AmbientStoreTransaction"/>) handed to a nested caller: every member
/// forwards to the ambient session, except that committing and disposing do nothing (the owner of the transaction
/// decides). A proxy, so that the session interface can grow without this class.
/// </summary>
internal class JoinedStoreSession : DispatchProxy
{
    private static readonly MethodInfo Commit = typeof(ICrmStoreSession).GetMethod(nameof(ICrmStoreSession.CommitAsync))!;
    private static readonly MethodInfo Dispose = typeof(IAsyncDisposable).GetMethod(nameof(IAsyncDisposable.DisposeAsync))!;

    private ICrmStoreSession _inner = null!;

    public static ICrmStoreSession Create(ICrmStoreSession inner)
    {
        var proxy = Create<ICrmStoreSession, JoinedStoreSession>();
        ((JoinedStoreSession)(object)proxy)._inner = inner;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod == Commit)
        {
            return Task.CompletedTask;
        }

        if (targetMethod == Dispose)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
