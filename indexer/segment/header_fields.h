// The letter's head: date, addressee, company, and the "Re:" block's references.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/letter.h"
#include "indexer/extract/block.h"

namespace corresp {

struct LetterHead {
  std::optional<Date> date;
  std::string addressee;
  std::string company;
  std::vector<Reference> references;
  size_t body_start = 0;  // index of the first block after the salutation ("Dear ...:")
  bool has_salutation = false;
  // The address block between the date and the "Re:" block or salutation names the Commission
  // ("Securities and Exchange Commission", "Division of Corporation Finance", "Washington, D.C.
  // 20549"): the letter is written to the staff. A staff letterhead naming the Commission
  // stands above the date; its "Mail Stop 4720" may stand below it, so it is no sign.
  bool addressed_to_commission = false;
};

// Reads the head from the first blocks. Never fails; missing fields stay empty. The date is the
// first printed in the head (before the Re: block), else a date alone on its line below the Re:
// block, else the first date of the running headers' lines (`page_header_lines`, dropped by the
// reader), else a short line's date right below the Re: block.
LetterHead ReadLetterHead(const std::vector<Block>& blocks, bool staff_letter,
                          const std::vector<std::string>& page_header_lines = {});

// Parses references out of a "Re:" block's text ("Form 10-K for the Fiscal Year Ended
// December 31, 2006 Filed February 23, 2007 File No. 001-09924").
std::vector<Reference> ParseReferences(const std::string& re_text);

}  // namespace corresp
