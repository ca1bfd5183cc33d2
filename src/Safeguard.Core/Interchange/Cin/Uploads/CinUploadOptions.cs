namespace Safeguard.Interchange.Cin.Uploads;

/// <summary>Settings for census uploads (configuration section <c>Cin</c>).</summary>
public sealed record CinUploadOptions
{
    /// <summary>The largest file accepted, in bytes (<c>Cin:MaxUploadMegabytes</c>). Default 1 GB.</summary>
    public long MaxUploadBytes { get; init; } = 1024L * 1024 * 1024;

    /// <summary>How long an upload, its file and its issues are kept (<c>Cin:UploadRetention</c>). Default 3 days.</summary>
    public TimeSpan UploadRetention { get; init; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Where uploaded files and their issues are kept (<c>Cin:UploadFolder</c>): a folder only the service account
    /// can read, outside the web root. Default: Safeguard/cin-uploads in the service account's local application data.
    /// </summary>
    public string UploadFolder { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Safeguard", "cin-uploads");
}
