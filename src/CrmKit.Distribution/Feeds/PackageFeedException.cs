namespace CrmKit.Distribution.Feeds;

/// <summary>A feed operation failed; <see cref="Failure"/> says why, the message names the feed and package.</summary>
public sealed class PackageFeedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PackageFeedException()
        : this(PackageFeedFailure.ServerError, "The package feed operation failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PackageFeedException(string message)
        : this(PackageFeedFailure.ServerError, message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PackageFeedException(string message, Exception innerException)
        : this(PackageFeedFailure.ServerError, message, null, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why it failed.</param>
    /// <param name="message">A sentence naming the feed and package.</param>
    /// <param name="source">The feed's source name, when one feed is to blame.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PackageFeedException(PackageFeedFailure failure, string message, string? source = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Source = source;
    }

    /// <summary>Why it failed.</summary>
    public PackageFeedFailure Failure { get; }

    /// <summary>The feed's source name, when one feed is to blame.</summary>
    public new string? Source { get; }
}
