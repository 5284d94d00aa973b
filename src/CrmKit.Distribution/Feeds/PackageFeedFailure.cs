namespace CrmKit.Distribution.Feeds;

/// <summary>Why a feed operation failed.</summary>
public enum PackageFeedFailure
{
    /// <summary>The nuget.config is missing or invalid, or has no enabled source.</summary>
    InvalidConfiguration = 0,

    /// <summary>A feed could not be reached.</summary>
    Unreachable = 1,

    /// <summary>A feed answered with a server error or something that is not a NuGet feed.</summary>
    ServerError = 2,

    /// <summary>A feed refused the credentials.</summary>
    Unauthorized = 3,

    /// <summary>No feed has the package version.</summary>
    NotFound = 4,

    /// <summary>The downloaded package's SHA-512 differs from what the feed declares.</summary>
    HashMismatch = 5,

    /// <summary>The package is not a valid package (unreadable zip or nuspec, wrong id or version inside).</summary>
    InvalidPackage = 6,
}
