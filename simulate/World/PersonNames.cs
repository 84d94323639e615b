using LogSentinel.Simulate.Randomness;

namespace LogSentinel.Simulate.World;

/// <summary>Vietnamese-style personal names without diacritics, as they appear in account names (<c>nguyenvana</c>).</summary>
internal static class PersonNames
{
    private static readonly string[] Surnames =
    [
        "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly",
    ];

    // Roughly the national distribution: Nguyen alone is about four in ten.
    private static readonly double[] SurnameWeights = [38, 11, 9.5, 7, 5, 5, 4.5, 3.9, 3.9, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5];

    private static readonly string[] MaleMiddle = ["van", "duc", "minh", "quang", "huu", "thanh", "xuan", "dinh", "cong", "ngoc"];
    private static readonly string[] FemaleMiddle = ["thi", "ngoc", "thu", "thanh", "kim", "minh", "hong", "bich", "my", "thuy"];

    private static readonly string[] MaleGiven =
    [
        "an", "binh", "cuong", "dung", "dat", "duc", "hai", "hieu", "hoang", "hung", "huy", "khanh", "khoa", "long",
        "minh", "nam", "phong", "phuc", "quan", "quang", "son", "tai", "thang", "thanh", "tien", "trung", "tuan", "vinh",
    ];

    private static readonly string[] FemaleGiven =
    [
        "anh", "chi", "dung", "giang", "ha", "hanh", "hoa", "hong", "huong", "lan", "lien", "linh", "loan", "mai",
        "ngan", "nga", "nhung", "oanh", "phuong", "quyen", "tam", "thao", "thu", "trang", "uyen", "van", "xuan", "yen",
    ];

    /// <summary>A name such as <c>nguyenvanhung</c>.</summary>
    public static string Next(Prng rng)
    {
        var surname = Surnames[rng.Pick(SurnameWeights)];
        var female = rng.Chance(0.55);
        var middle = female ? rng.Pick(FemaleMiddle) : rng.Pick(MaleMiddle);
        var given = female ? rng.Pick(FemaleGiven) : rng.Pick(MaleGiven);
        return string.Concat(surname, middle, given);
    }
}
