using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Safeguard.Common;

/// <summary>Reads settings that must have a particular form, refusing a malformed value with a message naming it.</summary>
public static class SettingsReader
{
    public static bool Flag(IConfiguration configuration, string key, bool defaultValue)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw new SafeguardConfigurationException($"The setting {key} is '{text}'; it must be true or false.");
    }

    public static int WholeNumber(IConfiguration configuration, string key, int defaultValue, int minimum, int maximum)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue;
        }

        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum
            ? value
            : throw new SafeguardConfigurationException($"The setting {key} is '{text}'; it must be a whole number from {minimum} to {maximum}.");
    }
}
