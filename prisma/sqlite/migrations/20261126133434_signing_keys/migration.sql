-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "generation" INTEGER NOT NULL,
    "alg" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "encryptedPrivateKey" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'next',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatesAt" DATETIME NOT NULL,
    "retiresAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "SigningKey_generation_key" ON "SigningKey"("generation");

-- CreateIndex
CREATE INDEX "SigningKey_state_idx" ON "SigningKey"("state");
