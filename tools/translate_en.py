"""Fill the English translations of resources/translations/nexipos_en.ts (run by `make translations`).

Greek is the source language of the UI; this table is the English wording, kept in one reviewed place. A source
text missing here is reported and left unfinished, and tests/ui/test_translations.py fails until it is added.
"""

import sys
import xml.etree.ElementTree as ET

EN = {
"Περιγραφή":"Description","Ποσότητα":"Quantity","Τιμή":"Price","Έκπτωση":"Discount","ΦΠΑ":"VAT","Αξία":"Value",
"Πληρωμή με μετρητά":"Cash payment","Εκτύπωση απόδειξης":"Print receipt","Σύνολο:":"Total:","Δόθηκαν:":"Tendered:",
"Ρέστα:":"Change:","Ακριβές ποσό":"Exact amount","Έκδοση (Enter)":"Issue (Enter)","Μη έγκυρο ποσό":"Invalid amount",
"Λείπουν {0} €":"{0} € short","Αναζήτηση προϊόντος: όνομα, κωδικός ή barcode (F2)":"Search product: name, code or barcode (F2)",
"Πλήκτρα συντόμευσης":"Keyboard shortcuts","Πατήστε οποιοδήποτε πλήκτρο για κλείσιμο":"Press any key to close",
"Ιστορικό αποδείξεων":"Receipts history","Όλες οι ημέρες":"All days","Αριθμός":"Number","Ημ/νία ώρα":"Date time",
"Τύπος":"Type","Σύνολο":"Total","ΜΑΡΚ":"MARK","Επανεκτύπωση (ΑΝΤΙΓΡΑΦΟ)":"Reprint (COPY)","Αποθήκευση PDF…":"Save PDF…",
"Επιστροφή (πιστωτικό)":"Refund (credit note)","Ημέρα:":"Day:","Αριθμός:":"Number:","Φόρτωση…":"Loading…",
"{0} αποδείξεις":"{0} receipts","Αποθήκευση PDF":"Save PDF","Αποθηκεύτηκε: {0}":"Saved: {0}","Επιστροφή":"Refund",
"Έκδοση πιστωτικού στοιχείου για ολόκληρη την απόδειξη {0}-{1} ({2} €) με επιστροφή μετρητών;":"Issue a credit note for the whole receipt {0}-{1} ({2} €) and refund in cash?",
"Εκδόθηκε πιστωτικό {0}-{1}":"Credit note {0}-{1} issued","Σφάλμα":"Error","NexiPOS — {0}":"NexiPOS — {0}",
"Ποσότητα (F4)":"Quantity (F4)","Έκπτωση (F5)":"Discount (F5)","Διαγραφή (Del)":"Delete (Del)",
"Ακύρωση πώλησης (Esc)":"Cancel sale (Esc)","Μετρητά (F8)":"Cash (F8)","Κάρτα (F9)":"Card (F9)",
"Δεν έχει ρυθμιστεί τερματικό καρτών: ρυθμίστε το από τις Ρυθμίσεις":"No card terminal is configured: set one up in Settings",
"&Ταμείο":"&Till","Βοήθεια: πλήκτρα συντόμευσης":"Help: keyboard shortcuts","Αναζήτηση προϊόντος":"Search product",
"Αλλαγή ποσότητας της επιλεγμένης γραμμής":"Change the quantity of the selected line",
"Έκπτωση στην επιλεγμένη γραμμή (ποσό ή %)":"Discount on the selected line (amount or %)",
"Διαγραφή της επιλεγμένης γραμμής":"Delete the selected line",
"Ιστορικό αποδείξεων: προβολή, επανεκτύπωση, PDF":"Receipts history: view, reprint, PDF",
"Επανεκτύπωση της τελευταίας απόδειξης":"Reprint the last receipt","Ακύρωση της τρέχουσας πώλησης":"Cancel the current sale",
"Πληρωμή με κάρτα (όταν έχει ρυθμιστεί τερματικό)":"Card payment (once a terminal is configured)",
"Σάρωση οπουδήποτε στο παράθυρο: προσθήκη στο καλάθι":"Scan anywhere in the window: adds to the cart",
"Ταμίας: {0}":"Cashier: {0}","δεν έχει ρυθμιστεί":"not configured","Τερματικό: {0}":"Terminal: {0}",
"Προστέθηκε: {0}":"Added: {0}","Άγνωστος κωδικός ή barcode: «{0}»":"Unknown code or barcode: “{0}”",
"Ακύρωση πώλησης":"Cancel sale","Να αδειάσει το καλάθι; Δεν θα εκδοθεί απόδειξη.":"Empty the cart? No receipt will be issued.",
"Η πώληση ακυρώθηκε":"The sale was cancelled","Δεν εκδόθηκε απόδειξη":"No receipt was issued",
"Εκδόθηκε {0} {1}-{2} · Ρέστα: {3} €":"Issued {0} {1}-{2} · Change: {3} €","Τελευταία: {0}-{1}":"Last: {0}-{1}",
"Η εκτύπωση απέτυχε: {0}":"Printing failed: {0}","Η απόδειξη αποθηκεύτηκε ως PDF: {0}":"The receipt was saved as PDF: {0}",
"Εκτυπώθηκε στον {0}":"Printed on {0}","ΣΥΝΟΛΟ":"TOTAL","Γραμμές: {0}":"Lines: {0}","Καθαρή":"Net","Φόρος":"Tax",
"Πληρωμή με κάρτα":"Card payment","Τερματικό:":"Terminal:","Ποσό:":"Amount:","Φιλοδώρημα:":"Tip:","Δόσεις:":"Instalments:",
"Πατήστε «Αποστολή» και δώστε το τερματικό στον πελάτη":"Press “Send” and hand the terminal to the customer",
"Αποστολή στο τερματικό":"Send to terminal","Κλείσιμο":"Close","Έτοιμο":"Done","Απαιτείται επιβεβαίωση":"Confirmation needed",
"Νέα προσπάθεια":"Try again","Εγκρίθηκε (επιβεβαιώθηκε)":"Approved (confirmed)","Δεν χρεώθηκε":"Not charged",
"Χρόνος: {0}:{1:02d}":"Time: {0}:{1:02d}",
"Η πώληση έχει ήδη πληρωμή με κάρτα: το καλάθι δεν αλλάζει. Ολοκληρώστε την πληρωμή του υπολοίπου.":"The sale already has a card payment: the cart cannot change. Settle the remaining amount.",
"Άγνωστο αποτέλεσμα πληρωμής {0} € ({1})":"Unknown outcome of payment {0} € ({1})",
"Η σύνδεση με το τερματικό χάθηκε πριν έρθει το αποτέλεσμα. ΜΗΝ ξαναχρεώσετε την κάρτα.\nΔείτε στο τερματικό την τελευταία συναλλαγή (ή την απόδειξή του) και δηλώστε τι δείχνει.":"The connection to the terminal was lost before the result arrived. Do NOT charge the card again.\nLook up the last transaction on the terminal (or its slip) and state what it shows.",
"6 χαρακτήρες":"6 characters","12 ψηφία":"12 digits","Κωδ. έγκρισης:":"Auth code:","RRN:":"RRN:",
"Ερώτηση στο τερματικό":"Ask the terminal","Εγκρίθηκε":"Approved","Δεν εγκρίθηκε":"Not approved",
"Ερώτηση στο τερματικό…":"Asking the terminal…",
"Το τερματικό δεν έδωσε απάντηση· δηλώστε τι δείχνει η απόδειξή του.":"The terminal gave no answer; state what its slip shows.",
"Πληρωμή στο τερματικό {0}":"Payment on terminal {0}","Πληρωμή με κάρτα στο τερματικό":"Card payment on the terminal",
"Εκκρεμότητες από την προηγούμενη λειτουργία":"Pending items from the last session",
"Το ταμείο έκλεισε με εκκρεμείς πληρωμές. Ολοκληρώστε τις πριν από νέα πώληση.":"The till closed with pending payments. Settle them before a new sale.",
"Ανοιχτή πώληση {0}: {1} €":"Open sale {0}: {1} €","Έκδοση απόδειξης (πληρώθηκε με κάρτα)":"Issue the receipt (paid by card)",
"Εκδόθηκε {0}-{1}":"Issued {0}-{1}","Η πώληση {0} ακυρώθηκε· ο αριθμός θα δοθεί στην επόμενη":"Sale {0} cancelled; its number goes to the next sale",
"Πληρώθηκαν {0} € με κάρτα · Υπόλοιπο {1} €: Μετρητά (F8) ή Κάρτα (F9)":"Paid {0} € by card · Remaining {1} €: Cash (F8) or Card (F9)",
"Η πώληση δεν ακυρώνεται":"The sale cannot be cancelled","Απορρίφθηκε":"Declined","Ακυρώθηκε στο τερματικό":"Cancelled on the terminal",
"Δεν ολοκληρώθηκε (δεν χρεώθηκε)":"Not completed (not charged)",
"Το τερματικό είναι απασχολημένο· δοκιμάστε ξανά σε λίγο":"The terminal is busy; try again shortly",
"Το πακέτο του τερματικού είναι γεμάτο: κλείστε το πακέτο («Πακέτο» → «Κλείσιμο Πακέτου»)":"The terminal's batch is full: close the batch (“Πακέτο” → “Κλείσιμο Πακέτου”)",
"Άγνωστο αποτέλεσμα":"Unknown outcome",
"Άνοιγμα βάσης δεδομένων…":"Opening the database…","Έτοιμο για πώληση":"Ready to sell",
"Επιστροφή στην κάρτα":"Refund to card","Ακύρωση χρέωσης κάρτας":"Void card charge",
"Ακύρωση (void) της χρέωσης κάρτας της απόδειξης {0}-{1} ({2} €) και έκδοση πιστωτικού;":"Void the card charge of receipt {0}-{1} ({2} €) and issue a credit note?",
"Επιστροφή στην κάρτα για την απόδειξη {0}-{1} ({2} €) και έκδοση πιστωτικού;":"Refund receipt {0}-{1} ({2} €) to the card and issue a credit note?",
"Το τερματικό δεν ολοκλήρωσε την επιστροφή ({0}): {1}":"The terminal did not complete the refund ({0}): {1}",
"Ακύρωση στο myDATA":"Cancel in myDATA",
"Ακύρωση διαβιβασμένου παραστατικού (CancelInvoice): μόνο διαχειριστής":"Cancel a transmitted document (CancelInvoice): admin only",
"Ακυρώθηκε στο myDATA · ΜΑΡΚ ακύρωσης {0}":"Cancelled in myDATA · cancellation MARK {0}",
"Η ακύρωση στο myDATA εκκρεμεί":"The cancellation in myDATA is pending",
"Διαβιβάστηκε στο myDATA · ΜΑΡΚ {0}":"Transmitted to myDATA · MARK {0}",
"Απορρίφθηκε από το myDATA: {0}":"Rejected by myDATA: {0}","Εκκρεμεί διαβίβαση στο myDATA":"Transmission to myDATA pending",
"Ακύρωση στο myDATA της απόδειξης {0}-{1} (ΜΑΡΚ {2}); Η ακύρωση δεν αναιρείται.":"Cancel receipt {0}-{1} (MARK {2}) in myDATA? A cancellation cannot be undone.",
"Η ακύρωση στο myDATA στάλθηκε για διαβίβαση":"The myDATA cancellation is queued for transmission",
"Διαβίβαση στο myDATA: εκκρεμή και απορριφθέντα":"myDATA transmission: pending and rejected",
"Διαβίβαση στο myDATA":"myDATA transmission","Παραστατικό":"Document","Πληρωμή (εκ των υστέρων)":"Payment (deferred)",
"Ακύρωση":"Cancellation","Σε αναμονή":"Waiting","Αποστέλλεται":"Sending","Διαβιβάστηκε":"Transmitted",
"Και όσα διαβιβάστηκαν":"Include transmitted","Α/Α":"No.","Είδος":"Kind","Απόδειξη":"Receipt","Κατάσταση":"State",
"Προσπάθειες":"Attempts","Σφάλμα / σημείωση":"Error / note","Αποστολή τώρα":"Send now",
"Εκδόθηκε χωρίς σύνδεση (transmissionFailure {0})":"Issued offline (transmissionFailure {0})",
"{0} έγγραφα":"{0} documents",
"Η διαβίβαση δεν έχει ρυθμιστεί (στοιχεία πρόσβασης myDATA)":"Transmission is not set up (myDATA credentials)",
"Το έγγραφο {0} θα σταλεί ξανά":"Document {0} will be sent again","νέα προσπάθεια στις {0}":"next try at {0}","myDATA":"myDATA","{0} σε αναμονή":"{0} waiting",
"{0} απορρίφθηκαν":"{0} rejected","χωρίς σύνδεση":"offline","myDATA: {0}":"myDATA: {0}","myDATA ✓":"myDATA ✓",
"Διαβίβαση παραστατικών στην ΑΑΔΕ (myDATA): κλικ για λεπτομέρειες":"Transmission of documents to AADE (myDATA): click for details",
}
path = sys.argv[1]
tree = ET.parse(path)
missing = []
for message in tree.iter("message"):
    source = message.find("source").text
    translation = message.find("translation")
    if source in EN:
        translation.text = EN[source]
        translation.attrib.pop("type", None)
    elif not (translation.text or "").strip():
        missing.append(source)
tree.getroot().set("sourcelanguage", "el_GR")
tree.write(path, encoding="utf-8", xml_declaration=True)
print("missing:", missing)
sys.exit(1 if missing else 0)
