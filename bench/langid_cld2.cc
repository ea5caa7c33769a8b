// langid_cld2.cc - the peer: CLD2 (Debian libcld2) on texts separated by
// NUL bytes on stdin, one language code a line. Built by bench/langid.sh.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <cld2/public/compact_lang_det.h>

int main()
{
    std::string all((std::istreambuf_iterator<char>(std::cin)), {});
    for (size_t p = 0; p < all.size();) {
        size_t e = all.find('\0', p);
        if (e == std::string::npos)
            e = all.size();
        bool reliable;
        CLD2::Language l = CLD2::DetectLanguage(all.data() + p, (int)(e - p), true, &reliable);
        std::cout << CLD2::LanguageCode(l) << "\n";
        p = e + 1;
    }
}
