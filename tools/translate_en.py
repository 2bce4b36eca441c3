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
}

# Issue 4: deferred (preloaded) card payments, fault declaration, end-of-day reconciliation.
EN.update({
"&Κάρτες":"&Cards","Πληρωμή αργότερα στο τερματικό (προφόρτωση)":"Pay later on the terminal (preload)",
"Προφορτωμένες πληρωμές":"Preloaded payments",
"Δήλωση βλάβης: πληρωμή από την απόδειξη του τερματικού":"Fault declaration: payment from the terminal's slip",
"Συμφωνία καρτών ημέρας":"Day's card reconciliation","Προφορτωμένες: {0}":"Preloaded: {0}",
"{0} θέλουν ενέργεια":"{0} need action",
"Χρειάζεται πώληση με είδη και ρυθμισμένο τερματικό καρτών":"This needs a sale with items and a configured card terminal",
"Το τερματικό δεν δέχεται προφορτωμένες πληρωμές (χρειάζεται WebECR)":"The terminal does not take preloaded payments (WebECR is needed)",
"Εκδόθηκε {0}-{1} με πληρωμή αργότερα στο τερματικό ({2} €)":"Issued {0}-{1}, to be paid later on the terminal ({2} €)",
"Καταχωρίστηκε πληρωμή {0} € από την απόδειξη του τερματικού · Υπόλοιπο {1} €":"Recorded a {0} € payment from the terminal's slip · Balance {1} €",
"Η συμφωνία καρτών χρειάζεται τερματικό WebECR":"Card reconciliation needs a WebECR terminal",
"Όταν χάνεται η σύνδεση, το τερματικό δουλεύει αυτόνομα: «Ρυθμίσεις ECR» → «Κλείδωμα πληκτρολογίου» (απενεργοποίηση). Χρεώστε την κάρτα στο τερματικό και γράψτε εδώ τα στοιχεία της απόδειξής του. Η πληρωμή σημειώνεται ως δήλωση βλάβης και ελέγχεται στη συμφωνία ημέρας.":"When the link is down the terminal works on its own: “ECR settings” → “Keypad lock” (off). Charge the card on the terminal and type the details of its slip here. The payment is marked as a fault declaration and checked in the day's reconciliation.",
"8 χαρακτήρες":"8 characters","προαιρετικά":"optional","TID:":"TID:","Τελευταία 4 ψηφία κάρτας:":"Card's last 4 digits:",
"Καταχώριση":"Record","Άκυρο":"Cancel","Πληρωμή αργότερα στο τερματικό":"Pay later on the terminal"," λεπτά":" minutes",
"Λήξη σε:":"Expires in:",
"Η απόδειξη εκδίδεται τώρα με την πληρωμή με κάρτα σε εκκρεμότητα. Ο πελάτης πληρώνει αργότερα στο τερματικό: «Άλλες Συναλλαγές» → «Προφορτωμένες Αποδείξεις» (Android POS) ή «Λειτουργίες» → «Προπαραγγελίες» (SoftPOS). Το ποσό μπορεί να μειωθεί στο τερματικό.":"The receipt is issued now with its card payment pending. The customer pays later on the terminal: “Other transactions” → “Preloaded receipts” (Android POS) or “Functions” → “Pre-orders” (SoftPOS). The amount may be lowered on the terminal.",
"Αποστολή στο τερματικό…":"Sending to the terminal…","Το τερματικό δεν δέχτηκε την προφόρτωση: {0}":"The terminal did not take the preload: {0}",
"Αναμονή απάντησης…":"Waiting for the answer…",
"Το τερματικό δεν έλαβε την προφόρτωση· δεν εκδόθηκε απόδειξη. Δοκιμάστε ξανά.":"The terminal never got the preload; no receipt was issued. Try again.",
"Το τερματικό δεν απάντησε ακόμη· δοκιμάστε ξανά σε λίγο.":"The terminal has not answered yet; try again shortly.",
"Στάλθηκε στο τερματικό · εκδόθηκε η απόδειξη {0}-{1} με την πληρωμή σε εκκρεμότητα":"Sent to the terminal · receipt {0}-{1} issued with the payment pending",
"Άγνωστο αν το τερματικό πήρε την προφόρτωση. ΜΗΝ τη στείλετε ξανά: ρωτήστε το τερματικό.":"Unknown whether the terminal took the preload. Do NOT send it again: ask the terminal.",
"Αναμονή πληρωμής":"Awaiting payment","Πληρώθηκε":"Paid","Έληξε":"Expired","Ακυρώθηκε":"Cancelled",
"Απόδειξη":"Receipt","Ποσό":"Amount","Υπόλοιπο":"Balance","Ηλικία":"Age","Λήξη":"Expiry","Κατάσταση":"State",
"Τελευταίο μήνυμα":"Last message","Και οι ολοκληρωμένες":"Include completed ones","Έλεγχος τώρα":"Check now",
"Υπόλοιπο σε μετρητά":"Balance in cash","Υπόλοιπο με κάρτα":"Balance by card","Εκδόθηκε πιστωτικό":"Credit note issued",
"Έληξε; αναμονή επιβεβαίωσης":"Expired? awaiting confirmation",
"Σε αναμονή: {0} · Θέλουν ενέργεια: {1}":"Waiting: {0} · Need action: {1}",
"Δεν υπάρχουν προφορτωμένες πληρωμές σε εκκρεμότητα.":"There are no pending preloaded payments.",
"Ο πελάτης πληρώνει στο τερματικό: «Άλλες Συναλλαγές» → «Προφορτωμένες Αποδείξεις» (Android POS) ή «Λειτουργίες» → «Προπαραγγελίες» (SoftPOS). Το ταμείο ελέγχει αυτόματα.":"The customer pays on the terminal: “Other transactions” → “Preloaded receipts” (Android POS) or “Functions” → “Pre-orders” (SoftPOS). The register checks automatically.",
"Πληρώθηκε μικρότερο ποσό στο τερματικό. Εισπράξτε το υπόλοιπο {0} € με μετρητά ή άλλη κάρτα.":"A lower amount was paid on the terminal. Collect the balance of {0} € in cash or by another card.",
"Δεν πληρώθηκε ({0}). Εισπράξτε {1} € με μετρητά ή κάρτα, ή εκδώστε πιστωτικό από το Ιστορικό αποδείξεων (F10) και πατήστε «Εκδόθηκε πιστωτικό».":"Not paid ({0}). Collect {1} € in cash or by card, or issue a credit note from the Receipts history (F10) and press “Credit note issued”.",
"Ολοκληρώθηκε.":"Completed.","Έλεγχος στο τερματικό…":"Checking on the terminal…",
"Το υπόλοιπο εισπράχθηκε σε μετρητά.":"The balance was collected in cash.",
"Πληρωμή {0} € στο τερματικό: ο πελάτης να ακουμπήσει ή να εισάγει την κάρτα":"Payment of {0} € on the terminal: the customer taps or inserts the card",
"Το υπόλοιπο πληρώθηκε με κάρτα.":"The balance was paid by card.","Η κάρτα δεν χρεώθηκε: {0}":"The card was not charged: {0}",
"Η προφορτωμένη πληρωμή έκλεισε με πιστωτικό.":"The preloaded payment was closed with a credit note.",
"Συμφωνεί":"Matches","Διαφορά ποσού":"Amount differs","Ακυρωμένη και στα δύο":"Voided on both",
"Ακύρωση μόνο στο ένα":"Voided on one side only","Μόνο στο ταμείο":"Register only","Μόνο στο τερματικό":"Terminal only",
"Συμφωνία":"Reconcile","Επιλέξτε ημέρα και πατήστε «Συμφωνία».":"Choose a day and press “Reconcile”.",
"Αποτέλεσμα":"Result","Ποσό ταμείου":"Register amount","Ποσό τερματικού":"Terminal amount","TID":"TID","RRN":"RRN",
"Κωδ. έγκρισης":"Auth code","Σημείωση":"Note","Καμία πληρωμή με κάρτα αυτή την ημέρα":"No card payments on this day",
"Προφορτωμένες σε αναμονή: {0}":"Preloads waiting: {0}","Χωρίς διαφορές. {0}":"No differences. {0}",
"Υπάρχουν διαφορές: ελέγξτε τις χρωματισμένες γραμμές. {0}":"There are differences: check the coloured rows. {0}",
"Η συμφωνία δεν έγινε: {0}":"The reconciliation failed: {0}",
})
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
